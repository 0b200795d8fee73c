using Archive.Core.Audit;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>A data folder's first records: the audit entry that opens its chain, and the first administrator.</summary>
public sealed class ArchiveSetup(ArchiveStore store, AccountService accounts)
{
    /// <param name="created">The folder was created by this call's host: its chain opens with an "archive.init" entry.</param>
    /// <returns>The first administrator and its one-time password when this call made it; null when the archive had accounts.</returns>
    public IssuedPassword? Initialise(bool created, Actor actor)
    {
        if (created)
            store.Catalog.Write(actor, session =>
            {
                session.Record(new AuditChange("archive.init", "DataFolder", store.Folder.Root, null, null));
                return 0;
            });
        return accounts.CreateFirstAdministrator(actor);
    }
}
