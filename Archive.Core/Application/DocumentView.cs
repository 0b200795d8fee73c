using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Registry;

namespace Archive.Core.Application;

/// <summary>The document page's use case: everything known of one document, for those who may read its dossier.</summary>
public sealed class DocumentView(Storage.ArchiveStore store, CatalogService catalog)
{
    public DocumentDetails Of(string documentId, Actor actor)
    {
        var (source, document) = catalog.LocateDocument(documentId);
        var dossier = source.Catalog.Read(s => CatalogService.FindDossier(s, document.FileCode.Value));
        catalog.Demand(actor, dossier, Operation.DocumentRead);
        // The item it arrived as, if it came through the inbox (the inbox is in the main catalog).
        var received = store.Catalog.Read(s => s.Inbox.Where(i => i.DocumentId == documentId && i.Status == InboxStatus.Accepted))
            .FirstOrDefault();
        var objects = received is null ? new[] { documentId } : [documentId, received.Id];
        var hasPdfA = source.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == documentId && b.Role == DocumentFiling.PdfARole).Count > 0);
        // Events up to filing name the inbox item (in the main catalog); later ones the document, where it is kept.
        var history = objects.SelectMany(id => source.Catalog.Read(s => s.Events.Where(e => e.ObjectId == id))).ToList();
        if (!ReferenceEquals(source, store))
            history.AddRange(objects.SelectMany(id => store.Catalog.Read(s => s.Events.Where(e => e.ObjectId == id))));
        if (dossier.Rights.IsRestricted || document.Mode.IsRestricted)
            store.Catalog.Write(actor, session =>
            {
                session.Record(new AuditChange("document.view", nameof(ArchivedDocument), documentId, null, actor.Zone.ToString()));
                return 0;
            });
        return new DocumentDetails(document, dossier, hasPdfA, received?.SignatureReport, history.OrderBy(e => e.At).ToList(),
            store.Catalog.AuditEntriesFor(objects));
    }
}
