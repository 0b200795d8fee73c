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
    /// <summary>The dossiers with everything a package carries of them; refuses the whole list if one may not go.</summary>
    public IReadOnlyList<TransferDossier> Contents(IReadOnlyList<string> codes, Actor actor)
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
            var source = catalog.StoreOf(code);
            var dossier = catalog.Locate(code);
            catalog.Demand(actor, dossier, Operation.DossierManage);
            if (dossier.Status == DossierStatus.Open)
                throw new DossierLifecycleException(dossier.FileCode, dossier.Status,
                    $"Hồ sơ {dossier.FileCode} đang mở; phải đóng hồ sơ trước khi nộp lưu.");
            var documents = source.Catalog.Read(s => CatalogService.DocumentsOf(s, dossier.FileCode));
            dossiers.Add(new TransferDossier(dossier, documents.Select(d => Describe(source, d)).ToList(), source.Blobs));
        }
        store.Catalog.Write(actor, session =>
        {
            foreach (var d in dossiers)
                session.Record(new AuditChange("transfer.export", nameof(Dossier), d.Dossier.FileCode.Value, null,
                    JsonSerializer.Serialize(new { documents = d.Documents.Count, restricted = d.Dossier.Rights.IsRestricted })));
            return 0;
        });
        return dossiers;
    }

    private TransferDocument Describe(ArchiveStore source, ArchivedDocument document)
    {
        var received = store.Catalog.Read(s => DocumentView.Received(s, document.Id));
        var original = Content(source, DocumentContent.Digest(source, document, Representation.Original), received?.Format);
        var pdfa = source.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == document.Id && b.Role == DocumentFiling.PdfARole))
            .FirstOrDefault() is { } copy
            ? Content(source, Sha256Digest.Parse(copy.Id), "application/pdf")
            : null;
        string[] objects = received is null ? [document.Id] : [document.Id, received.Id];
        var events = objects.SelectMany(id => store.Catalog.Read(s => s.Events.Where(e => e.ObjectId == id)));
        if (!ReferenceEquals(source, store))
            events = events.Concat(objects.SelectMany(id => source.Catalog.Read(s => s.Events.Where(e => e.ObjectId == id))));
        return new TransferDocument(document, original, received?.SourceName ?? document.Id, pdfa, received?.SignatureReport,
            events.OrderBy(e => e.At).ToList());
    }

    private static StoredContent Content(ArchiveStore source, Sha256Digest digest, string? format) =>
        new(digest, source.Catalog.Read(s => s.Blobs.Get(digest.Hex))?.Length ?? new FileInfo(source.Blobs.Location(digest)).Length,
            format ?? "application/octet-stream");

    /// <summary>The PREMIS files of a document in a package: its original and its PDF/A copy.</summary>
    public static IReadOnlyList<PremisFile> PremisFiles(TransferDocument d, string originalName, string? pdfAName) =>
        [
            new($"{d.Document.Id}/original", originalName, d.Original.Digest.Hex, d.Original.Length, d.Original.Format),
            .. d.PdfA is { } p && pdfAName is not null
                ? [new PremisFile($"{d.Document.Id}/pdfa", pdfAName, p.Digest.Hex, p.Length, p.Format)]
                : Array.Empty<PremisFile>(),
        ];
}
