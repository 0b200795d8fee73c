using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Archive.Core.Transfers;

namespace Archive.Core.Application;

/// <summary>
/// Transfers (nộp lưu): what an archivist may hand over and what it is made of. Handing dossiers over takes the archivist's role
/// and the manage level on each dossier; only closed dossiers go. Taking their content out is audited, dossier by dossier.
/// </summary>
public sealed class TransferService(ArchiveStore store, CatalogService catalog, AccessPolicy policy)
{
    /// <summary>
    /// The dossiers, checked: the archivist's role, manage on each, each closed. Refuses the whole list if one may not go; the
    /// taking out of their content is audited here, dossier by dossier.
    /// </summary>
    public IReadOnlyList<TransferDossier> Prepare(IReadOnlyList<string> codes, Actor actor)
    {
        if (codes.Count == 0) throw new InvalidRequestException("Chọn ít nhất một hồ sơ để nộp lưu.");
        store.Catalog.Read(s =>
        {
            policy.Demand(s, actor, Operation.Transfer);
            return 0;
        });
        var dossiers = new List<TransferDossier>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            var dossier = catalog.Locate(code);
            catalog.Demand(actor, dossier, Operation.DossierManage);
            if (dossier.Status == DossierStatus.Open)
                throw new DossierLifecycleException(dossier.FileCode, dossier.Status,
                    $"Hồ sơ {dossier.FileCode} đang mở; phải đóng hồ sơ trước khi nộp lưu.");
            dossiers.Add(new TransferDossier(dossier, catalog.StoreOf(code)));
        }
        store.Catalog.Write(actor, session =>
        {
            foreach (var d in dossiers)
                session.Record(new AuditChange("transfer.export", nameof(Dossier), d.Dossier.FileCode.Value, null,
                    JsonSerializer.Serialize(new { documents = d.Dossier.DocTotal, restricted = d.Dossier.Rights.IsRestricted })));
            return 0;
        });
        return dossiers;
    }

    /// <summary>Everything a package carries of a prepared dossier's documents, in one read of each catalog.</summary>
    public IReadOnlyList<TransferDocument> Documents(TransferDossier dossier)
    {
        var code = dossier.Dossier.FileCode;
        return ReferenceEquals(dossier.Source, store)
            ? store.Catalog.Read(s => CatalogService.DocumentsOf(s, code).Select(d => Describe(s, s, d)).ToList())
            : dossier.Source.Catalog.Read(s => store.Catalog.Read(main =>
                CatalogService.DocumentsOf(s, code).Select(d => Describe(s, main, d)).ToList()));
    }

    /// <param name="source">The catalog that holds the document: the main one, or the restricted collection's.</param>
    /// <param name="main">The main catalog, where the inbox is.</param>
    private static TransferDocument Describe(ICatalogSession source, ICatalogSession main, ArchivedDocument document)
    {
        var id = document.Id;
        var received = DocumentView.Received(main, id);
        var owned = source.Blobs.Where(b => b.OwnerId == id).ToList();
        // An ingested original is owned by the inbox item it arrived as.
        var original = owned.FirstOrDefault(b => b.Role == DocumentFiling.OriginalRole)?.Id ?? received?.Digest
            ?? throw new CatalogNotFoundException($"Không tìm thấy bản gốc của văn bản {document.Id}.");
        var pdfa = owned.FirstOrDefault(b => b.Role == DocumentFiling.PdfARole);
        string[] objects = received is null ? [id] : [id, received.Id];
        var events = objects.SelectMany(o => main.Events.Where(e => e.ObjectId == o));
        if (!ReferenceEquals(source, main)) events = events.Concat(objects.SelectMany(o => source.Events.Where(e => e.ObjectId == o)));
        return new TransferDocument(document,
            new StoredContent(Sha256Digest.Parse(original), (source.Blobs.Get(original) ?? main.Blobs.Get(original))?.Length
                ?? received?.Length ?? 0, received?.Format ?? "application/octet-stream"),
            received?.SourceName ?? document.Id,
            pdfa is null ? null : new StoredContent(Sha256Digest.Parse(pdfa.Id), pdfa.Length, "application/pdf"),
            received?.SignatureReport, events.OrderBy(e => e.At).ToList());
    }

    /// <summary>The PREMIS files of a document in a package: its original and its PDF/A copy.</summary>
    public static IReadOnlyList<PremisFile> PremisFiles(TransferDocument d, string originalName, string? pdfAName) =>
        [
            new($"{d.Document.Id}/original", originalName, d.Original.Digest.Hex, d.Original.Length, d.Original.Format),
            .. d.PdfA is { } p && pdfAName is not null
                ? [new PremisFile($"{d.Document.Id}/pdfa", pdfAName, p.Digest.Hex, p.Length, p.Format)]
                : Array.Empty<PremisFile>(),
        ];
}
