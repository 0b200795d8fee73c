using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>
/// Reads one stored representation of a document as a stream: the original exactly as received, the PDF/A preservation
/// copy, or the TT 02 metadata as XML. It needs the read level on the document's dossier; every read of content is
/// audited (who, which document, which form, from where) before the first byte is handed out. Blobs are read through
/// their hash check, so damaged content fails the read instead of leaving the archive.
/// </summary>
public sealed class DocumentContent(ArchiveStore store, CatalogService catalog)
{
    public async Task<DocumentStream> OpenAsync(string documentId, Representation representation, Actor actor,
        CancellationToken cancellationToken)
    {
        var (source, document) = catalog.LocateDocument(documentId);
        var dossier = source.Catalog.Read(s => CatalogService.FindDossier(s, document.FileCode.Value));
        catalog.Demand(actor, dossier, Operation.DocumentRead);
        if (dossier.Status == DossierStatus.Destroyed && representation != Representation.MetadataXml)
            throw new CatalogNotFoundException($"Văn bản {document.Id} thuộc hồ sơ {dossier.FileCode} đã bị hủy ngày " +
                $"{dossier.DestroyedAt:dd/MM/yyyy} theo biên bản {dossier.DestroyedIn}; chỉ còn siêu dữ liệu.");
        var name = FileName(document, representation);
        Stream content;
        if (representation == Representation.MetadataXml)
        {
            var xml = new MemoryStream();
            await Tt02MetadataXml.Of(document).SaveAsync(xml, System.Xml.Linq.SaveOptions.None, cancellationToken).ConfigureAwait(false);
            xml.Position = 0;
            content = xml;
        }
        else content = source.Blobs.OpenRead(Digest(source, document, representation));
        try
        {
            // The access log names the content before it leaves (NĐ 30 Phụ lục VI); in the main chain, also for restricted records.
            await store.Catalog.WriteAsync(actor, session =>
            {
                session.Record(new AuditChange("document.read", nameof(ArchivedDocument), document.Id, null,
                    JsonSerializer.Serialize(new { representation = representation.ToString(), dossier = dossier.FileCode.Value,
                        restricted = dossier.Rights.IsRestricted || document.Mode.IsRestricted, zone = actor.Zone.ToString() })));
                return 0;
            }).ConfigureAwait(false);
        }
        catch
        {
            await content.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new DocumentStream(content, name, representation switch
        {
            Representation.MetadataXml => "application/xml",
            Representation.PdfA => "application/pdf",
            _ => "application/octet-stream",
        });
    }

    private static string FileName(ArchivedDocument document, Representation representation) => representation switch
    {
        Representation.MetadataXml => $"{document.Id}.xml",
        Representation.PdfA => $"{document.Id}.pdf",
        _ => document.Id,
    };

    internal static Sha256Digest Digest(ArchiveStore source, ArchivedDocument document, Representation representation)
    {
        var role = representation == Representation.PdfA ? DocumentFiling.PdfARole : DocumentFiling.OriginalRole;
        var owned = source.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == document.Id && b.Role == role)).FirstOrDefault();
        // An ingested original is owned by the inbox item it arrived as.
        var received = representation == Representation.Original
            ? source.Catalog.Read(s => s.Inbox.Where(i => i.DocumentId == document.Id && i.Status == InboxStatus.Accepted))
                .FirstOrDefault()?.Digest
            : null;
        return (owned?.Id ?? received) is { } hex
            ? Sha256Digest.Parse(hex)
            : throw new CatalogNotFoundException(representation == Representation.PdfA
                ? $"Văn bản {document.Id} chưa có bản PDF/A bảo quản."
                : $"Không tìm thấy bản gốc của văn bản {document.Id}.");
    }
}

/// <summary>One representation of a document, open for reading: the caller disposes it.</summary>
public sealed record DocumentStream(Stream Content, string FileName, string MediaType) : IAsyncDisposable, IDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
