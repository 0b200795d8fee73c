using Archive.Core.Audit;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Core.Access;

/// <summary>
/// The air-gapped collection under &lt;data&gt;/restricted (its own catalog, blobs and index). It opens
/// only after the machine passes the air-gap self-check, and is closed again, with an alert, as
/// soon as a later check fails.
/// </summary>
/// <param name="actor">Who the alerts of failed checks are recorded as (the process's user, or the scheduler).</param>
public sealed class RestrictedCollection(ArchiveStore main, AirGapCheck check, Actor actor, TimeProvider clock, ILogger log) : IDisposable
{
    private readonly ILogger _log = log.ForContext<RestrictedCollection>();
    private readonly Lock _lock = new();
    private ArchiveStore? _store;

    public AirGapVerdict? LastVerdict { get; private set; }

    /// <summary>Whether a restricted collection was ever created in this data folder.</summary>
    public bool Exists => File.Exists(new DataFolder(main.Folder.Restricted).CatalogFile);

    public bool IsOpen
    {
        get
        {
            lock (_lock) return _store is not null;
        }
    }

    /// <summary>The restricted store, opened after a passing check; throws when the machine is not air-gapped.</summary>
    public ArchiveStore Open()
    {
        lock (_lock)
        {
            var verdict = Recheck();
            if (!verdict.Passed) throw new RestrictedCollectionClosedException(verdict);
            return _store ??= ArchiveStore.Open(new DataFolder(main.Folder.Restricted), clock, log);
        }
    }

    /// <summary>Runs the self-check; a failure closes the store and raises an alert in the main catalog.</summary>
    public AirGapVerdict Recheck()
    {
        lock (_lock)
        {
            var verdict = check.Run();
            LastVerdict = verdict;
            if (verdict.Passed) return verdict;
            var wasOpen = _store is not null;
            _store?.Dispose();
            _store = null;
            if (!wasOpen && !Exists)
            {
                // No restricted collection here to protect: a networked office machine is not an alert.
                _log.Information("Air-gap self-check failed; there is no restricted collection in this data folder");
                return verdict;
            }
            _log.Error("Air-gap self-check failed; restricted collection {State}: {Violations}",
                wasOpen ? "closed" : "stays closed", verdict.Violations);
            main.Catalog.Write(actor, s =>
            {
                s.Problems.Insert(new Problem
                {
                    At = verdict.CheckedAt, Kind = "airgap.failed", ObjectId = main.Folder.Restricted,
                    Message = "Kho hạn chế sử dụng bị đóng: " + string.Join(" ", verdict.Violations),
                });
                return 0;
            });
            return verdict;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _store?.Dispose();
            _store = null;
        }
    }
}
