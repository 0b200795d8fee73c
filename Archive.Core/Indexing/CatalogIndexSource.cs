using System.Text;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Core.Indexing;

/// <summary>
/// Reads what the index needs from the catalog: each document with its dossier's facts and its
/// extracted text (the blob with role <see cref="TextRole"/>; metadata only when there is none).
/// The catalog is the source of truth, so this is all a rebuild needs.
/// </summary>
public sealed class CatalogIndexSource(ArchiveStore store, ILogger log)
{
    /// <summary>The role of the blob that holds a document's extracted text.</summary>
    public const string TextRole = "text";

    private readonly ILogger _log = log.ForContext<CatalogIndexSource>();

    /// <summary>Every document in the catalog, read lazily so a rebuild streams its text.</summary>
    public IEnumerable<IndexedDocument> All(CancellationToken cancellationToken)
    {
        var (documents, dossiers, texts) = store.Catalog.Read(s => (
            s.Documents.All(),
            s.Dossiers.All().ToDictionary(d => d.FileCode.Value, StringComparer.Ordinal),
            s.Blobs.Where(b => b.Role == TextRole).ToDictionary(b => b.OwnerId, StringComparer.Ordinal)));
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!dossiers.TryGetValue(document.FileCode.Value, out var dossier))
            {
                _log.Warning("Document {DocumentId} names dossier {FileCode}, which is not in the catalog; not indexed",
                    document.Id, document.FileCode.Value);
                continue;
            }
            yield return Describe(document, dossier, texts.GetValueOrDefault(document.Id));
        }
    }

    /// <summary>One document as the index wants it, or null when it is not in the catalog.</summary>
    public IndexedDocument? Find(string documentId)
    {
        var (document, dossier, text) = store.Catalog.Read(s =>
        {
            var document = s.Documents.Get(documentId);
            var dossier = document is null ? null : s.Dossiers.Get(document.FileCode.Value);
            var text = s.Blobs.Where(b => b.OwnerId == documentId && b.Role == TextRole).FirstOrDefault();
            return (document, dossier, text);
        });
        return document is null || dossier is null ? null : Describe(document, dossier, text);
    }

    private IndexedDocument Describe(ArchivedDocument document, Dossier dossier, BlobReference? text) => new()
    {
        Document = document,
        FullText = text is null ? "" : ReadText(text),
        Retention = dossier.Maintenance,
        DossierTitle = dossier.Title,
    };

    private string ReadText(BlobReference blob)
    {
        try
        {
            using var stream = store.Blobs.OpenRead(Sha256Digest.Parse(blob.Id));
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is BlobMissingException or BlobCorruptedException or IOException)
        {
            // The document stays findable by its metadata; fixity reports the blob itself.
            _log.Warning(e, "Text blob {Blob} of document {DocumentId} is unreadable; indexing metadata only", blob.Id, blob.OwnerId);
            return "";
        }
    }
}
