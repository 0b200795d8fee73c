using Archive.Core.Storage;

namespace Archive.Web.Hosting;

/// <summary>Looks at each part of the store the way a request would use it, and says what it found.</summary>
public sealed class HealthProbe(ArchiveStore store)
{
    public HealthReport Check()
    {
        var catalog = Probe(() =>
        {
            var (dossiers, documents) = store.Catalog.Read(s => (s.Dossiers.Count(), s.Documents.Count()));
            return $"{dossiers} hồ sơ, {documents} văn bản";
        });
        var blobs = Probe(() =>
        {
            var probe = Path.Combine(store.Folder.Blobs, "tmp", $".health-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return "ghi được";
        });
        var index = Directory.Exists(store.Folder.Index) && Directory.EnumerateFileSystemEntries(store.Folder.Index).Any()
            ? new ComponentHealth("ok", "có chỉ mục")
            : new ComponentHealth("absent", "chưa có chỉ mục tìm kiếm");
        var status = catalog.Status == "ok" && blobs.Status == "ok" ? "ok" : "degraded";
        return new HealthReport(status, catalog, blobs, index);
    }

    private static ComponentHealth Probe(Func<string> check)
    {
        try
        {
            return new ComponentHealth("ok", check());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            return new ComponentHealth("failed", e.Message);
        }
    }
}
