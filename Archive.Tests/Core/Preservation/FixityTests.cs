using Archive.Core.Application;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using CrashPoint = Archive.Core.Storage.CrashPoint;
using Archive.Tests.Support;
using Serilog;

namespace Archive.Tests.Core.Preservation;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class FixityTests(CatalogEngine engine)
{
    private static readonly ILogger Log = Serilog.Core.Logger.None;

    [Test]
    public async Task Flipping_one_byte_in_n_random_blobs_is_found_exactly_and_every_one_is_repaired_from_backup()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        await archive.FileDocumentsAsync(40);
        var jobs = new PreservationJobs(archive.Store, TimeProvider.System, Log);
        var backups = await jobs.RunBackupAsync([media.Path], BackupKind.Full, [], TestArchive.Tester, null, CancellationToken.None);
        Assert.That(backups.Single().Succeeded, backups.Single().Problems.FirstOrDefault());

        var all = archive.Store.Blobs.Enumerate().ToList();
        var damaged = all.OrderBy(_ => Random.Shared.Next()).Take(7).ToList();
        foreach (var digest in damaged)
        {
            var path = archive.Store.Blobs.Location(digest);
            Storage.FileBlobStoreTests.FlipOneByte(path, Random.Shared.NextInt64(new FileInfo(path).Length));
        }

        var report = await jobs.RunFixityAsync(new FixityOptions([media.Path], 2), TestArchive.Tester, null, CancellationToken.None);

        Assert.That(report.ObjectsChecked, Is.EqualTo(all.Count));
        Assert.That(report.Findings.Select(f => f.Digest), Is.EquivalentTo(damaged.Select(d => d.Hex)));
        Assert.That(report.Findings.Select(f => f.Fault), Is.All.EqualTo(FixityFault.Changed));
        Assert.That(report.Findings.Select(f => f.RepairedFrom), Is.All.Not.Null);
        foreach (var digest in all) Assert.DoesNotThrowAsync(() => archive.Store.Blobs.VerifyAsync(digest, CancellationToken.None));

        var minutes = await File.ReadAllTextAsync(report.MinutesPath);
        Assert.That(minutes, Does.StartWith("BIÊN BẢN KIỂM TRA"));
        foreach (var digest in damaged) Assert.That(minutes, Does.Contain(archive.Store.Blobs.Location(digest)));

        var fixityEvents = archive.Store.Catalog.Read(s => s.FixityEvents.All()).SelectMany(b => b.Events()).ToList();
        Assert.That(fixityEvents.Select(e => e.ObjectId), Is.EquivalentTo(all.Select(d => d.Hex)), "one fixity event per object");
        Assert.That(fixityEvents.Where(e => e.Outcome == PremisEventType.Failure).Select(e => e.ObjectId),
            Is.EquivalentTo(damaged.Select(d => d.Hex)));
        var events = archive.Store.Catalog.Read(s => s.Events.All());
        Assert.That(events.Count(e => e.Type == PremisEventType.Recovery), Is.EqualTo(damaged.Count));
        var problems = archive.Store.Catalog.Read(s => s.Problems.All());
        Assert.That(problems.Select(p => p.ObjectId), Is.EquivalentTo(damaged.Select(d => d.Hex)));
        Assert.That(archive.Store.Catalog.AuditEntries().Count(e => e.Action == "blob.repair"), Is.EqualTo(damaged.Count));

        var again = await jobs.RunFixityAsync(new FixityOptions([media.Path], 2), TestArchive.Tester, null, CancellationToken.None);
        Assert.That(again.Findings, Is.Empty);
    }

    [Test]
    public async Task A_medium_written_once_repairs_later_runs_unnamed_and_a_medium_that_is_gone_is_reported_once()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        await archive.FileDocumentsAsync(5);
        var jobs = new PreservationJobs(archive.Store, TimeProvider.System, Log);
        var medium = Path.Combine(media.Path, "o-dia-ngoai");
        Assert.That((await jobs.RunBackupAsync([medium], BackupKind.Full, [], TestArchive.Tester, null, CancellationToken.None))
            .Single().Succeeded);
        var blobs = archive.Store.Blobs.Enumerate().ToList();
        Storage.FileBlobStoreTests.FlipOneByte(archive.Store.Blobs.Location(blobs[0]), 3);

        // Not named, not configured: the catalog remembers the medium the verified set went to.
        var repaired = await jobs.RunFixityAsync(FixityOptions.Default, TestArchive.Tester, null, CancellationToken.None);
        Assert.That(repaired.Findings.Single().RepairedFrom, Does.StartWith(medium));
        Assert.That(repaired.UnavailableMedia, Is.Empty);

        Directory.Move(medium, medium + "-da-thao");
        Storage.FileBlobStoreTests.FlipOneByte(archive.Store.Blobs.Location(blobs[1]), 3);
        var gone = await jobs.RunFixityAsync(FixityOptions.Default, TestArchive.Tester, null, CancellationToken.None);
        Assert.That(gone.UnavailableMedia, Is.EqualTo(new[] { medium }));
        Assert.That(gone.Findings.Single().RepairedFrom, Is.Null);
        Assert.That(await File.ReadAllTextAsync(gone.MinutesPath), Does.Contain($"Phương tiện sao lưu không dùng được: {medium}"));
        await jobs.RunFixityAsync(FixityOptions.Default, TestArchive.Tester, null, CancellationToken.None);
        Assert.That(archive.Store.Catalog.Read(s => s.Problems.All()).Count(p => p.Kind == "backup.medium-unavailable"), Is.EqualTo(1),
            "one alert while it stays gone");

        Directory.Move(medium + "-da-thao", medium);
        var back = await jobs.RunFixityAsync(FixityOptions.Default, TestArchive.Tester, null, CancellationToken.None);
        Assert.That(back.Findings.Single().RepairedFrom, Does.StartWith(medium), "mounted again: used again");
    }

    [Test]
    public async Task A_deleted_blob_is_reported_missing_and_restored()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        await archive.FileDocumentsAsync(5);
        var jobs = new PreservationJobs(archive.Store, TimeProvider.System, Log);
        await jobs.RunBackupAsync([media.Path], BackupKind.Full, [], TestArchive.Tester, null, CancellationToken.None);
        var victim = archive.Store.Blobs.Enumerate().First();
        File.Delete(archive.Store.Blobs.Location(victim));

        var report = await jobs.RunFixityAsync(new FixityOptions([media.Path], 2), TestArchive.Tester, null, CancellationToken.None);

        var finding = report.Findings.Single();
        Assert.That(finding.Digest, Is.EqualTo(victim.Hex));
        Assert.That(finding.Fault, Is.EqualTo(FixityFault.Missing));
        Assert.That(finding.RepairedFrom, Is.Not.Null);
        Assert.That(archive.Store.Blobs.Exists(victim));
        Assert.DoesNotThrowAsync(() => archive.Store.Blobs.VerifyAsync(victim, CancellationToken.None));
    }

    [Test]
    public async Task Without_a_good_backup_copy_damage_is_reported_unrepaired_and_the_run_is_recorded_as_failed()
    {
        using var archive = new TestArchive(engine);
        using var media = new TempFolder("backup-media");
        await archive.FileDocumentsAsync(3);
        var jobs = new PreservationJobs(archive.Store, TimeProvider.System, Log);
        await jobs.RunBackupAsync([media.Path], BackupKind.Full, [], TestArchive.Tester, null, CancellationToken.None);
        var victim = archive.Store.Blobs.Enumerate().First();
        Storage.FileBlobStoreTests.FlipOneByte(archive.Store.Blobs.Location(victim), 10);
        var set = new BackupTarget(media.Path).CompleteSets().Single();
        Storage.FileBlobStoreTests.FlipOneByte(set.BlobPath(victim.Hex), 11); // the backup copy is damaged too

        var report = await jobs.RunFixityAsync(new FixityOptions([media.Path], 2), TestArchive.Tester, null, CancellationToken.None);

        Assert.That(report.Findings.Single().RepairedFrom, Is.Null);
        Assert.ThrowsAsync<BlobCorruptedException>(() => archive.Store.Blobs.VerifyAsync(victim, CancellationToken.None));
        Assert.That(await File.ReadAllTextAsync(report.MinutesPath), Does.Contain("CHƯA khôi phục được"));
        var run = jobs.History(TestArchive.Tester).First(r => r.Job == PreservationJobs.Fixity);
        Assert.That(run.Outcome, Is.EqualTo("failed"));
        Assert.That(run.Problems, Is.EqualTo(1));
    }

    [Test]
    public async Task Unreferenced_blobs_are_reported_but_not_counted_as_damage()
    {
        using var archive = new TestArchive(engine);
        await archive.FileDocumentsAsync(2);
        var orphan = await archive.Store.Blobs.PutAsync(new MemoryStream("không thuộc danh mục"u8.ToArray()), CancellationToken.None);

        var report = await new FixityCheck(archive.Store, TimeProvider.System, Log)
            .RunAsync(FixityOptions.Default, TestArchive.Tester, null, CancellationToken.None);

        Assert.That(report.Damaged, Is.Zero);
        Assert.That(report.Findings.Single().Digest, Is.EqualTo(orphan.Digest.Hex));
        Assert.That(report.Findings.Single().Fault, Is.EqualTo(FixityFault.Unreferenced));
    }

    [Test]
    public async Task A_fixity_run_killed_between_repairs_leaves_a_consistent_archive_and_the_next_run_finishes_the_work()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        using var media = new TempFolder("backup-media");
        await DemoDossier.CreateAsync(data.Path);
        for (var i = 0; i < 4; i++)
        {
            var file = data.File($"{i}.txt");
            await File.WriteAllTextAsync(file, $"văn bản {i} {Guid.NewGuid()}");
            Assert.That((await Cli.RunAsync(DemoDossier.AddDocument(file, data.Path, $"{20 + i}"))).ExitCode, Is.Zero);
        }
        Assert.That((await Cli.RunAsync("backup", "--to", media.Path, "--data", data.Path)).ExitCode, Is.Zero);
        var blobs = Directory.EnumerateFiles(Path.Combine(data.Path, "blobs", "sha256"), "*", SearchOption.AllDirectories).ToList();
        foreach (var blob in blobs.Take(3)) Storage.FileBlobStoreTests.FlipOneByte(blob, 1);

        var killed = await Cli.RunChildAsync(["fixity", "--backup", media.Path, "--data", data.Path],
            new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.FixityMidRepair });
        Assert.That(killed.ExitCode, Is.Not.EqualTo(0).And.Not.EqualTo(1), "killed after its first repair");

        var audit = await Cli.RunAsync("audit", "verify", "--data", data.Path);
        Assert.That(audit.ExitCode, Is.Zero, audit.ToString());
        var next = await Cli.RunAsync("fixity", "--json", "--backup", media.Path, "--data", data.Path);
        var findings = System.Text.Json.JsonDocument.Parse(next.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings, Has.Count.EqualTo(2), "the first repair held; the other two are found and repaired now");
        Assert.That(findings.Select(f => f.GetProperty("repairedFrom").GetString()), Is.All.Not.Null);
        var clean = await Cli.RunAsync("fixity", "--data", data.Path);
        Assert.That(clean.ExitCode, Is.Zero, clean.ToString());
        var history = await Cli.RunAsync("jobs", "history", "--json", "--data", data.Path);
        Assert.That(history.Stdout, Does.Contain("\"outcome\":\"interrupted\"").And.Not.Contain("\"outcome\":\"running\""));
    }

    [Test]
    public async Task A_run_marks_an_earlier_run_of_its_job_left_running_interrupted_and_leaves_other_jobs_runs_alone()
    {
        // On a cluster another node may be making a backup while this one checks fixity.
        using var archive = new TestArchive(engine);
        await archive.FileDocumentsAsync(2);
        var earlier = new JobRun { Job = PreservationJobs.Fixity, Started = DateTimeOffset.Now.AddHours(-3) };
        archive.Store.Catalog.Write(TestArchive.Tester, s =>
        {
            s.JobRuns.Insert(earlier);
            s.JobRuns.Insert(new JobRun { Job = PreservationJobs.Backup, Started = earlier.Started.AddHours(1) });
            return 0;
        });

        var jobs = new PreservationJobs(archive.Store, TimeProvider.System, Log);
        await jobs.RunFixityAsync(new FixityOptions([], 2), TestArchive.Tester, null, CancellationToken.None);

        var runs = archive.Store.Catalog.Read(s => s.JobRuns.All());
        Assert.That(runs.Single(r => r.Id == earlier.Id).Outcome, Is.EqualTo("interrupted"));
        Assert.That(runs.Single(r => r.Job == PreservationJobs.Backup).Outcome, Is.EqualTo("running"));
        Assert.That(runs.Single(r => r.Job == PreservationJobs.Fixity && r.Id != earlier.Id).Outcome, Is.EqualTo("succeeded"));
    }

    [Test]
    public async Task The_cli_exits_1_and_names_the_damaged_file()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var file = data.File("a.txt");
        await File.WriteAllTextAsync(file, "nội dung cần bảo quản");
        Assert.That((await Cli.RunAsync(DemoDossier.AddDocument(file, data.Path))).ExitCode, Is.Zero);
        Assert.That((await Cli.RunAsync("fixity", "--data", data.Path)).ExitCode, Is.Zero);
        var blob = Directory.EnumerateFiles(Path.Combine(data.Path, "blobs", "sha256"), "*", SearchOption.AllDirectories).Single();
        Storage.FileBlobStoreTests.FlipOneByte(blob, 3);

        var result = await Cli.RunAsync("fixity", "--data", data.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain(blob).And.Contain("CHƯA khôi phục"));
    }
}
