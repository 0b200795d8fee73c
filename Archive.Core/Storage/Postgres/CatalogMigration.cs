using System.Security.Cryptography;
using System.Text;
using Archive.Core.Audit;
using LiteDB;
using Serilog;

namespace Archive.Core.Storage.Postgres;

/// <summary>The copy on PostgreSQL is not what was sent: the migration is not to be relied on.</summary>
public sealed class CatalogMigrationException(string message) : Exception(message);

/// <summary>What <see cref="CatalogMigration"/> copied: the records of each kind and the audit entries, all checked.</summary>
public sealed record CatalogMigrationReport(IReadOnlyDictionary<string, int> Records, long AuditEntries);

/// <summary>
/// `archive migrate --to postgres`: copies a data folder's embedded catalog into an empty PostgreSQL database, then checks the
/// copy: every record is read back and compared with what was sent (as JSON with its fields in order), and the audit chain is
/// recomputed there entry by entry. The embedded catalog is read while nothing writes and is left as it was; the migration
/// itself is the first entry the PostgreSQL catalog adds to the chain. The blobs stay where they are.
/// </summary>
public sealed class CatalogMigration(TimeProvider clock, ILogger log)
{
    public CatalogMigrationReport ToPostgres(ArchiveStore embedded, string connectionString, Actor actor, IProgress<string>? progress)
    {
        if (embedded.Catalog is not LiteCatalogStore source)
            throw new Application.InvalidRequestException(
                "Danh mục này đã ở trên PostgreSQL; chỉ chuyển được danh mục nhúng (catalog.db).");
        progress?.Report("Kiểm tra chuỗi nhật ký của danh mục nhúng …");
        var chain = source.VerifyAudit();
        if (!chain.IsIntact)
            throw new Application.InvalidRequestException(
                $"Chuỗi nhật ký của danh mục nhúng bị đứt tại mục {chain.FirstBroken} ({chain.Break}); "
                + "không chuyển một danh mục đã bị sửa.");
        using var target = PostgresCatalogStore.Open(connectionString, clock, log);
        var sent = CatalogMapping.Collections.ToDictionary(c => c, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        progress?.Report("Chép hồ sơ, văn bản và nhật ký sang PostgreSQL …");
        source.Export((collections, audit) => target.Import(
            collections.Select(c => (c.Collection, c.Records.Select(r => Remembered(sent[c.Collection], r)))), audit));

        progress?.Report("Đọc lại và so sánh từng bản ghi …");
        foreach (var (collection, expected) in sent)
        {
            var found = 0;
            foreach (var (id, document) in target.Documents(collection))
            {
                if (!expected.TryGetValue(id, out var digest) || digest != Digest(document))
                    throw new CatalogMigrationException($"Bản ghi '{id}' ({collection}) trên PostgreSQL khác bản trong danh mục nhúng.");
                found++;
            }
            if (found != expected.Count)
                throw new CatalogMigrationException($"PostgreSQL có {found} bản ghi {collection}, danh mục nhúng có {expected.Count}.");
        }
        var copied = target.VerifyAudit();
        if (!copied.IsIntact || copied.EntriesChecked != chain.EntriesChecked)
            throw new CatalogMigrationException(
                $"Chuỗi nhật ký trên PostgreSQL không khớp: {copied.EntriesChecked} mục đúng, danh mục nhúng có {chain.EntriesChecked}.");

        var report = new CatalogMigrationReport(sent.ToDictionary(s => s.Key, s => s.Value.Count), chain.EntriesChecked);
        target.Write(actor, session =>
        {
            session.Record(new AuditChange("catalog.migrate", "Catalog", "postgres", null, System.Text.Json.JsonSerializer.Serialize(
                new { records = report.Records.Values.Sum(), auditEntries = report.AuditEntries, from = embedded.Folder.CatalogFile })));
            return 0;
        });
        log.Information("Catalog migrated to PostgreSQL: {Records} records, {AuditEntries} audit entries", report.Records.Values.Sum(),
            report.AuditEntries);
        return report;
    }

    private static BsonDocument Remembered(Dictionary<string, string> sent, BsonDocument record)
    {
        // As PostgreSQL is given it: the JSON form, read back.
        var (id, json) = RecordRows.Row(record);
        sent[id] = Digest(LiteDB.JsonSerializer.Deserialize(json));
        return record;
    }

    /// <summary>The SHA-256 of the document's JSON with every document's fields in ordinal order (jsonb keeps its own order).</summary>
    private static string Digest(BsonValue document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(LiteDB.JsonSerializer.Serialize(Ordered(document)))));

    private static BsonValue Ordered(BsonValue value) => value switch
    {
        { IsDocument: true } => new BsonDocument(value.AsDocument.OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => Ordered(f.Value))),
        { IsArray: true } => new BsonArray(value.AsArray.Select(Ordered)),
        _ => value,
    };
}
