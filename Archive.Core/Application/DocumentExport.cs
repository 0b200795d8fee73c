using Archive.Core.Access;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>Which stored representation of a document to write out.</summary>
public enum Representation
{
    Original,
    PdfA,
    MetadataXml,
}

/// <summary>
/// Writes one stored representation of a document to a file: the original exactly as received, the
/// PDF/A preservation copy, or the TT 02 metadata as XML. Blobs are read through their hash check,
/// and an existing file is never overwritten.
/// </summary>
public sealed class DocumentExport(ArchiveStore store, RestrictedCollection? restricted = null)
{
    public async Task<string> WriteAsync(string documentId, Representation representation, string output, CancellationToken cancellationToken)
    {
        var (source, document) = Find(documentId);
        if (File.Exists(output)) throw new CatalogConflictException($"Tệp '{output}' đã tồn tại; chọn tên khác (không ghi đè).");
        var temp = output + ".part";
        try
        {
            if (representation == Representation.MetadataXml)
            {
                await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                await Tt02MetadataXml.Of(document).SaveAsync(file, System.Xml.Linq.SaveOptions.None, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using var blob = source.Blobs.OpenRead(Digest(source, document, representation));
                await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                await blob.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, output);
            return output;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private (ArchiveStore Store, ArchivedDocument Document) Find(string id)
    {
        if (store.Catalog.Read(s => s.Documents.Get(id)) is { } document) return (store, document);
        if (restricted is { Exists: true } && restricted.Open() is var closed && closed.Catalog.Read(s => s.Documents.Get(id)) is { } hidden)
            return (closed, hidden);
        throw new CatalogNotFoundException($"Không có văn bản mã '{id}' trong kho.");
    }

    private static Sha256Digest Digest(ArchiveStore source, ArchivedDocument document, Representation representation)
    {
        var role = representation == Representation.PdfA ? "pdfa" : DocumentFiling.OriginalRole;
        var owned = source.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == document.Id && b.Role == role)).FirstOrDefault();
        // An ingested original is owned by the inbox item it arrived as.
        var received = representation == Representation.Original
            ? source.Catalog.Read(s => s.Inbox.Where(i => i.DocumentId == document.Id && i.Status == InboxStatus.Accepted)).FirstOrDefault()?.Digest
            : null;
        return (owned?.Id ?? received) is { } hex
            ? Sha256Digest.Parse(hex)
            : throw new CatalogNotFoundException(representation == Representation.PdfA
                ? $"Văn bản {document.Id} chưa có bản PDF/A bảo quản."
                : $"Không tìm thấy bản gốc của văn bản {document.Id}.");
    }
}
