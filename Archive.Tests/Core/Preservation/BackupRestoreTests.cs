using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog;

namespace Archive.Tests.Core.Preservation;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class BackupRestoreTests(CatalogEngine engine)
{
    private static readonly ILogger Log = Serilog.Core.Logger.None;

    [Test]
    public async Task Incremental_backups_copy_only_new_blobs_and_restore_rebuilds_an_equal_data_folder()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        using var restoreRoot = new TempFolder("restore");
        var jobs = new PreservationJobs(archive.Store, TimeProvider.System, Log);
        await archive.FileDocumentsAsync(10);
        var full = (await jobs.RunBackupAsync([media.Path], BackupKind.Scheduled, [], TestArchive.Tester, null, CancellationToken.None)).Single();
        await archive.FileDocumentsAsync(4);
        var incremental = (await jobs.RunBackupAsync([media.Path], BackupKind.Scheduled, [], TestArchive.Tester, null, CancellationToken.None)).Single();
        var unchanged = (await jobs.RunBackupAsync([media.Path], BackupKind.Incremental, [], TestArchive.Tester, null, CancellationToken.None)).Single();

        Assert.That(full.Kind, Is.EqualTo(BackupManifest.FullKind));
        Assert.That(full.BlobsCopied, Is.EqualTo(10));
        Assert.That(incremental.Kind, Is.EqualTo(BackupManifest.IncrementalKind));
        Assert.That(incremental.BlobsCopied, Is.EqualTo(4));
        Assert.That(incremental.BlobsAlreadyOnMedium, Is.EqualTo(10));
        Assert.That(unchanged.BlobsCopied, Is.Zero);

        var to = Path.Combine(restoreRoot.Path, "data");
        var report = await new RestoreService(TimeProvider.System, Log).RunAsync(media.Path, to, null, CancellationToken.None);

        Assert.That(report.Succeeded, string.Join("; ", report.Problems));
        Assert.That(report.SetsUsed, Has.Count.EqualTo(3));
        Assert.That(report.BlobsRestored, Is.EqualTo(14));
        using var restored = ArchiveStore.Open(new DataFolder(to), TimeProvider.System, Log);
        Assert.That(Describe(restored), Is.EqualTo(Describe(archive.Store)));
        Assert.That(restored.Blobs.Enumerate().Select(d => d.Hex).Order(), Is.EqualTo(archive.Store.Blobs.Enumerate().Select(d => d.Hex).Order()));
        foreach (var digest in restored.Blobs.Enumerate()) Assert.DoesNotThrowAsync(() => restored.Blobs.VerifyAsync(digest, CancellationToken.None));
        Assert.That(restored.Catalog.VerifyAudit().IsIntact);
    }

    [Test]
    public async Task A_backup_taken_while_documents_are_being_filed_restores_to_a_consistent_archive()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        using var restoreRoot = new TempFolder("restore");
        await archive.FileDocumentsAsync(5);
        using var stop = new CancellationTokenSource();
        var filing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await archive.FileDocumentsAsync(1, size: 20_000);
        });

        var report = await new BackupService(archive.Store, TimeProvider.System, Log).RunAsync(media.Path, BackupKind.Full, [], null, CancellationToken.None);
        await stop.CancelAsync();
        await filing;

        Assert.That(report.Succeeded, string.Join("; ", report.Problems));
        var restored = await new RestoreService(TimeProvider.System, Log)
            .RunAsync(media.Path, Path.Combine(restoreRoot.Path, "data"), null, CancellationToken.None);
        Assert.That(restored.Succeeded, string.Join("; ", restored.Problems));
        Assert.That(restored.DocumentsInCatalog, Is.GreaterThanOrEqualTo(5));
        Assert.That(restored.BlobsRestored, Is.EqualTo(restored.DocumentsInCatalog), "every document's blob, and only those, came back");
    }

    [Test]
    public async Task A_restored_folder_answers_searches_exactly_as_the_original()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        using var media = new TempFolder("backup-media");
        using var restoreRoot = new TempFolder("restore");
        await DemoDossier.CreateAsync(data.Path);
        foreach (var (number, subject) in new[] { ("05", "Ban hành quy chế làm việc"), ("06", "Kế hoạch cải cách hành chính"), ("07", "Quy chế văn thư lưu trữ") })
        {
            var file = data.File($"{number}.txt");
            await File.WriteAllTextAsync(file, subject);
            var filed = await Cli.RunAsync([.. DemoDossier.AddDocument(file, data.Path, number), "--set", $"Subject={subject}"]);
            Assert.That(filed.ExitCode, Is.Zero, filed.ToString());
        }
        Assert.That((await Cli.RunAsync("backup", "--to", media.Path, "--data", data.Path)).ExitCode, Is.Zero);
        var restoredData = Path.Combine(restoreRoot.Path, "data");

        var restore = await Cli.RunAsync("restore", "--from", media.Path, "--to", restoredData, "--json");

        Assert.That(restore.ExitCode, Is.Zero, restore.ToString());
        Assert.That(JsonDocument.Parse(restore.Stdout).RootElement.GetProperty("documentsIndexed").GetInt32(), Is.EqualTo(3));
        foreach (var query in new[] { "quy che", "\"cải cách hành chính\"", "soKyHieu:06/QĐ-UBND", "vǎn thư" })
        {
            var original = await Cli.RunAsync("search", query, "--json", "--data", data.Path);
            var copy = await Cli.RunAsync("search", query, "--json", "--data", restoredData);
            Assert.That(copy.ExitCode, Is.EqualTo(original.ExitCode), query);
            Assert.That(Normalised(copy.Stdout), Is.EqualTo(Normalised(original.Stdout)), query);
        }
        var hits = JsonDocument.Parse((await Cli.RunAsync("search", "quy che", "--json", "--data", restoredData)).Stdout).RootElement
            .GetProperty("hits").EnumerateArray().Take(2).Select(h => h.GetProperty("soKyHieu").GetString());
        Assert.That(hits, Is.EquivalentTo(new[] { "05/QĐ-UBND", "07/QĐ-UBND" }));
    }

    [Test]
    public async Task The_manifest_lists_every_file_with_its_sha256_and_the_medium_matches_it()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        await archive.FileDocumentsAsync(3);
        await new BackupService(archive.Store, TimeProvider.System, Log).RunAsync(media.Path, BackupKind.Full, [], null, CancellationToken.None);

        var set = new BackupTarget(media.Path).CompleteSets().Single();
        Assert.That(set.Manifest.Files.Select(f => f.Path), Has.Member("catalog.db"));
        foreach (var file in set.Manifest.Files)
        {
            var bytes = await File.ReadAllBytesAsync(set.PathOf(file));
            Assert.That(Sha256Digest.Compute(bytes).Hex, Is.EqualTo(file.Sha256), file.Path);
            Assert.That(bytes.LongLength, Is.EqualTo(file.Length));
        }
        // Checked the way sha256sum would check it: every file is on the medium under its manifest path.
        var onMedium = Directory.EnumerateFiles(set.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(set.Folder, f).Replace('\\', '/')).Where(f => f != BackupManifest.FileName);
        Assert.That(onMedium, Is.EquivalentTo(set.Manifest.Files.Select(f => f.Path)));
    }

    [Test]
    public async Task A_backup_killed_half_way_is_never_used_and_the_next_backup_completes()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        using var media = new TempFolder("backup-media");
        await DemoDossier.CreateAsync(data.Path);
        for (var i = 0; i < 6; i++)
        {
            var file = data.File($"vb{i}.txt");
            await File.WriteAllTextAsync(file, $"văn bản {i} {Guid.NewGuid()}");
            Assert.That((await Cli.RunAsync(DemoDossier.AddDocument(file, data.Path, $"{10 + i}"))).ExitCode, Is.Zero);
        }

        var killed = await Cli.RunChildAsync(["backup", "--to", media.Path, "--data", data.Path],
            new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.BackupMidCopy });
        Assert.That(killed.ExitCode, Is.Not.Zero, "the backup must have been killed half way");
        var target = new BackupTarget(media.Path);
        Assert.That(target.CompleteSets(), Is.Empty);
        Assert.That(target.PartialFolders(), Has.Count.EqualTo(1));
        using (var empty = new TempFolder("restore"))
            Assert.ThrowsAsync<RestoreException>(() =>
                new RestoreService(TimeProvider.System, Log).RunAsync(media.Path, Path.Combine(empty.Path, "x"), null, CancellationToken.None));

        var next = await Cli.RunAsync("backup", "--to", media.Path, "--json", "--data", data.Path);

        Assert.That(next.ExitCode, Is.Zero, next.ToString());
        var json = JsonDocument.Parse(next.Stdout).RootElement;
        Assert.That(json.GetProperty("kind").GetString(), Is.EqualTo("full"));
        Assert.That(json.GetProperty("removedPartialSets").GetArrayLength(), Is.EqualTo(1));
        Assert.That(target.CompleteSets(), Has.Count.EqualTo(1));
        Assert.That(target.PartialFolders(), Is.Empty);
        using var restoreTo = new TempFolder("restore");
        var restored = await Cli.RunAsync("restore", "--from", media.Path, "--to", Path.Combine(restoreTo.Path, "data"));
        Assert.That(restored.ExitCode, Is.Zero, restored.ToString());
        Assert.That(restored.Stdout, Does.Contain("6 văn bản"));
    }

    [Test]
    public async Task Restore_refuses_a_destination_that_is_not_empty()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        await new BackupService(archive.Store, TimeProvider.System, Log).RunAsync(media.Path, BackupKind.Full, [], null, CancellationToken.None);

        var result = await Cli.RunAsync("restore", "--from", media.Path, "--to", archive.Folder.Root);

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(result.Stderr, Does.Contain("không trống"));
    }

    [Test]
    public async Task A_backup_target_inside_the_data_folder_is_refused()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);

        var result = await Cli.RunAsync("backup", "--to", Path.Combine(data.Path, "backup"), "--data", data.Path);

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(Directory.Exists(Path.Combine(data.Path, "backup")), Is.False);
    }

    /// <summary>Hits as a set ordered by score then id (documents with equal scores may come in either order), and totals and facets.</summary>
    private static string Normalised(string searchJson)
    {
        var root = JsonDocument.Parse(searchJson).RootElement;
        var hits = root.GetProperty("hits").EnumerateArray()
            .Select(h => (Score: Math.Round(h.GetProperty("score").GetDouble(), 4), Text: h.GetRawText()))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Text, StringComparer.Ordinal).Select(h => h.Text);
        return $"{root.GetProperty("total")}\n{string.Join('\n', hits)}\n{root.GetProperty("facets").GetRawText()}";
    }

    [Test]
    public async Task A_restored_archive_goes_onto_postgresql_with_every_record_and_its_audit_chain()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        using var restoreRoot = new TempFolder("restore");
        await archive.FileDocumentsAsync(3);
        await new BackupService(archive.Store, TimeProvider.System, Log)
            .RunAsync(media.Path, BackupKind.Full, [], null, CancellationToken.None);
        var to = Path.Combine(restoreRoot.Path, "data");
        var restore = await new RestoreService(TimeProvider.System, Log).RunAsync(media.Path, to, null, CancellationToken.None);
        Assert.That(restore.Succeeded, string.Join("; ", restore.Problems));

        var database = PostgresCluster.Instance.NewDatabase();
        var migrated = await Cli.RunAsync("migrate", "--to", "postgres", "--connection", database, "--data", to);
        Assert.That(migrated.ExitCode, Is.Zero, migrated.ToString());
        using var onPostgres = ArchiveStore.Open(new DataFolder(to), TimeProvider.System, Log, catalog: CatalogLocation.Postgres(database));
        Assert.That(Describe(onPostgres), Is.EqualTo(Describe(archive.Store)));
        var audit = onPostgres.Catalog.VerifyAudit();
        Assert.That(audit.IsIntact);
        Assert.That(onPostgres.Catalog.AuditEntries().Select(e => e.Hash).SkipLast(1),
            Is.EqualTo(archive.Store.Catalog.AuditEntries().Select(e => e.Hash).Take(onPostgres.Catalog.AuditEntries().Count - 1)),
            "the chain as it was backed up, then the migration's own entry");
    }

    private static string Describe(ArchiveStore store) => store.Catalog.Read(s =>
        string.Join('\n', s.Documents.All().OrderBy(d => d.Id).Select(d => $"{d.Id} {d.DocCode} {d.DocOrdinal} {d.Subject}"))
        + "\n" + string.Join('\n', s.Blobs.All().OrderBy(b => b.Id).Select(b => $"{b.Id} {b.OwnerId} {b.Length}")));
}
