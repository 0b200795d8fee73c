using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Registry;

namespace Archive.Core.Application;

/// <summary>The document page's use case: everything known of one document, for those who may read its dossier.</summary>
public sealed class DocumentView(Storage.ArchiveStore store, CatalogService catalog, AccessPolicy policy)
{
    public DocumentDetails Of(string documentId, Actor actor)
    {
        var (source, document) = catalog.LocateDocument(documentId);
        // The main catalog's document, the common case, in one read: catalog reads run one at a time (LiteCatalogStore).
        var details = ReferenceEquals(source, store)
            ? store.Catalog.Read(s =>
            {
                var dossier = CatalogService.FindDossier(s, document.FileCode.Value);
                policy.Demand(s, actor, dossier, Operation.DocumentRead);
                var received = Received(s, documentId);
                var objects = ObjectsOf(documentId, received);
                return new DocumentDetails(document, dossier, HasPdfA(s, documentId), received?.SignatureReport,
                    objects.SelectMany(id => s.Events.Where(e => e.ObjectId == id)).OrderBy(e => e.At).ToList(),
                    store.Catalog.AuditEntriesFor(objects));
            })
            : Restricted(source, document, actor);
        // Who looked at restricted content is in the access log.
        if (details.Dossier.Rights.IsRestricted || document.Mode.IsRestricted)
            store.Catalog.Write(actor, session =>
            {
                session.Record(new AuditChange("document.view", nameof(ArchivedDocument), documentId, null, actor.Zone.ToString()));
                return 0;
            });
        return details;
    }

    private DocumentDetails Restricted(Storage.ArchiveStore source, ArchivedDocument document, Actor actor)
    {
        var dossier = source.Catalog.Read(s => CatalogService.FindDossier(s, document.FileCode.Value));
        catalog.Demand(actor, dossier, Operation.DocumentRead);
        var received = store.Catalog.Read(s => Received(s, document.Id));
        var objects = ObjectsOf(document.Id, received);
        var hasPdfA = source.Catalog.Read(s => HasPdfA(s, document.Id));
        // Events up to filing name the inbox item (in the main catalog); later ones the document, where it is kept.
        var history = objects.SelectMany(id => source.Catalog.Read(s => s.Events.Where(e => e.ObjectId == id)))
            .Concat(objects.SelectMany(id => store.Catalog.Read(s => s.Events.Where(e => e.ObjectId == id)))).ToList();
        return new DocumentDetails(document, dossier, hasPdfA, received?.SignatureReport, history.OrderBy(e => e.At).ToList(),
            store.Catalog.AuditEntriesFor(objects));
    }

    /// <summary>The item it arrived as, if it came through the inbox (the inbox is in the main catalog).</summary>
    internal static InboxItem? Received(Storage.ICatalogSession main, string documentId) =>
        main.Inbox.Where(i => i.DocumentId == documentId && i.Status == InboxStatus.Accepted).FirstOrDefault();

    private static string[] ObjectsOf(string documentId, InboxItem? received) =>
        received is null ? [documentId] : [documentId, received.Id];

    private static bool HasPdfA(Storage.ICatalogSession session, string documentId) =>
        session.Blobs.Where(b => b.OwnerId == documentId && b.Role == DocumentFiling.PdfARole).Count > 0;
}
