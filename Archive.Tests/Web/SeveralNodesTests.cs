using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>Issue 17: `archive serve` nodes over one PostgreSQL catalog and one blob folder, each with its own search index.</summary>
[Parallelizable(ParallelScope.All)] // long, mostly waiting: its tests run beside each other (see TestRun)
public sealed class SeveralNodesTests
{
    private const string Password = "Luu-tru-2019-HT\n";

    [Test]
    public async Task A_document_received_through_one_node_is_found_on_the_other_and_the_command_line_works_beside_them()
    {
        // Looking for changes only every ten minutes: found sooner, node B was told of the change by the database.
        using var archive = new SharedArchive(PostgresCluster.Instance.NewDatabase(),
            new Dictionary<string, string> { ["ARCHIVE__Archive__Search__FeedIntervalSeconds"] = "600" });
        await archive.DemoAsync();
        var token = await archive.TokenAsync();

        await using var a = await ServerProcess.StartAsync(archive.Data, archive.Node("a"));
        await using var b = await ServerProcess.StartAsync(archive.Data, archive.Node("b"));
        using var nodeA = Client(a.BaseUrl, token);
        using var nodeB = Client(b.BaseUrl, token);

        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(archive.Pdf("nghi-quyet.pdf", "Nghi quyet trong rung ngap man ven bien Ky Anh"))),
                "files", "nghi-quyet.pdf" },
            { new StringContent(SharedArchive.Dossier), "dossier" },
            { new StringContent("""
                {"TypeName":"Nghị quyết","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","Subject":"Trồng rừng ngập mặn ven biển",
                 "CodeNumber":"17","CodeNotation":"NQ-UBND","IssuedDate":"2025-03-04"}
                """), "metadata" },
        };
        var received = await nodeA.PostAsync("/api/v1/inbox", upload);
        var answer = await received.Content.ReadAsStringAsync();
        Assert.That(received.IsSuccessStatusCode, answer);
        Assert.That(answer, Does.Contain("\"accepted\""), answer);

        var onB = await FoundAfterAsync(nodeB, "rung ngap man");
        TestContext.Out.WriteLine($"found on node B {onB.TotalMilliseconds:F0} ms after node A answered");

        var listed = await archive.RunAsync("dossier", "list");
        Expect(listed);
        Assert.That(listed.Stdout, Does.Contain(SharedArchive.Dossier), "the command line reads the catalog while both nodes run");
        var second = archive.Pdf("cong-van.pdf", "Cong van ve phong chong chay rung mua kho");
        Expect(await archive.RunAsync("document", "add", second, "--dossier", SharedArchive.Dossier, "--set", "TypeName=Công văn",
            "--set", "OrganName=Ủy ban nhân dân tỉnh Hà Tĩnh", "--set", "CodeNumber=18", "--set", "CodeNotation=UBND-NN", "--set",
            "IssuedDate=2025-03-05", "--set", "Subject=Phòng chống cháy rừng", "--set", "PageAmount=1"));
        var onA = await FoundAfterAsync(nodeA, "phong chong chay rung");
        TestContext.Out.WriteLine($"a document filed by the command line found on node A after {onA.TotalMilliseconds:F0} ms");
    }

    [Test]
    public async Task With_the_database_stopped_an_upload_is_refused_plainly_nothing_is_filed_twice_and_the_node_recovers()
    {
        using var cluster = PostgresCluster.StartOwn();
        using var archive = new SharedArchive(cluster.NewDatabase());
        await archive.DemoAsync();
        var token = await archive.TokenAsync();
        await using var node = await ServerProcess.StartAsync(archive.Data, archive.Node("a"));
        using var http = Client(node.BaseUrl, token);
        var file = File.ReadAllBytes(archive.Pdf("ke-hoach.pdf", "Ke hoach phong chong lut bao nam 2025"));
        MultipartFormDataContent Upload() => new()
        {
            { new ByteArrayContent(file), "files", "ke-hoach.pdf" },
            { new StringContent(SharedArchive.Dossier), "dossier" },
            { new StringContent("""
                {"TypeName":"Kế hoạch","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","Subject":"Phòng chống lụt bão năm 2025",
                 "CodeNumber":"21","CodeNotation":"KH-UBND","IssuedDate":"2025-04-01"}
                """), "metadata" },
        };

        cluster.Stop();
        var refused = await http.PostAsync("/api/v1/inbox", Upload());
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.That((int)refused.StatusCode, Is.EqualTo(503), problem);
        Assert.That(JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString(),
            Does.Contain("tạm thời không trả lời").And.Contain("thử lại"));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        var page = await http.GetAsync("/ho-so");
        Assert.That((int)page.StatusCode, Is.EqualTo(503), "a page says the same, as a page");

        cluster.Restart();
        var accepted = await http.PostAsync("/api/v1/inbox", Upload());
        var answer = await accepted.Content.ReadAsStringAsync();
        Assert.That(answer, Does.Contain("\"accepted\""), "the node recovers with the database, and nothing was filed before: " + answer);
        var again = await (await http.PostAsync("/api/v1/inbox", Upload())).Content.ReadAsStringAsync();
        Assert.That(again, Does.Contain("\"duplicate\""), "sent once more, it is not filed twice: " + again);
        var check = await archive.RunAsync("check");
        Assert.That(check.ExitCode, Is.Zero, "no record points at a missing file: " + check);
        TestContext.Out.WriteLine(check.Stdout);
    }

    [Test]
    public async Task A_scheduled_job_fires_once_across_two_nodes_of_one_cluster()
    {
        // The fixity check every 3 seconds, nothing else: a run per fire time is the point.
        using var archive = new SharedArchive(PostgresCluster.Instance.NewDatabase(), Jobs("0/3 * * * * ?"));
        await archive.DemoAsync();

        await using (await ServerProcess.StartAsync(archive.Data, archive.Node("a")))
        await using (await ServerProcess.StartAsync(archive.Data, archive.Node("b")))
            await Task.Delay(TimeSpan.FromSeconds(13));

        var starts = (await FixityRunsAsync(archive)).Select(run => run.Started).ToList();
        TestContext.Out.WriteLine(string.Join(", ", starts.Select(s => s.ToString("HH:mm:ss.fff"))));
        Assert.That(starts, Has.Count.GreaterThanOrEqualTo(2), "the job ran on the cluster");
        var gaps = starts.Zip(starts.Skip(1), (first, next) => next - first).ToList();
        Assert.That(gaps, Has.All.GreaterThan(TimeSpan.FromSeconds(1.5)),
            "each fire time ran on one node only (two nodes each running it would start within milliseconds)");
    }

    [Test]
    public async Task A_job_running_on_a_node_that_dies_is_run_again_by_another_node()
    {
        // One fixity check, 20 seconds from now (agency time), read at 1 MB/s over a few megabytes: it is still running when
        // its node is killed, and no later fire time can be taken for its recovery.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(20), zone);
        var jobs = Jobs($"{at.Second} {at.Minute} {at.Hour} {at.Day} {at.Month} ? {at.Year}");
        jobs["ARCHIVE__Archive__Jobs__fixity__MaxMBps"] = "1";
        using var archive = new SharedArchive(PostgresCluster.Instance.NewDatabase(), jobs);
        await archive.DemoAsync();
        await AddLargeDocumentAsync(archive);

        var a = await ServerProcess.StartAsync(archive.Data, archive.Node("a"));
        try
        {
            await WaitForAsync(() => FixityRunsAsync(archive), runs => runs.Any(r => r.Outcome == "running"),
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await a.DisposeAsync(); // kill -9, mid-run
        }
        var killed = DateTimeOffset.Now;
        var b = await ServerProcess.StartAsync(archive.Data, archive.Node("b"));
        List<Run> runs;
        try
        {
            runs = await WaitForAsync(() => FixityRunsAsync(archive), runs => runs.Any(r => r.Outcome == "succeeded"),
                TimeSpan.FromSeconds(90));
        }
        catch (Exception)
        {
            TestContext.Out.WriteLine(await b.StopAndReadLogAsync());
            throw;
        }
        await b.DisposeAsync();

        TestContext.Out.WriteLine(string.Join("; ", runs.Select(r => $"{r.Started:HH:mm:ss.fff} {r.Outcome}")));
        Assert.That(runs, Has.Count.EqualTo(2), "the one scheduled run, and its recovery on the other node");
        Assert.That(runs[0].Started, Is.LessThan(killed));
        Assert.That(runs[0].Outcome, Is.Not.EqualTo("succeeded"), "the run of the node that died did not finish");
        Assert.That(runs[1].Started, Is.GreaterThan(killed));
        Assert.That(runs[1].Outcome, Is.EqualTo("succeeded"));
    }

    [Test]
    public async Task A_node_killed_mid_batch_loses_nothing_and_the_batch_sent_again_elsewhere_files_each_document_once()
    {
        using var archive = new SharedArchive(PostgresCluster.Instance.NewDatabase());
        await archive.DemoAsync();
        var token = await archive.TokenAsync();
        const int count = 16;
        var files = Enumerable.Range(1, count).Select(i => (Name: $"cong-van-{i}.pdf",
            Bytes: File.ReadAllBytes(archive.Pdf($"cong-van-{i}.pdf", $"Cong van so {i} ve lo van ban bi ngat giua chung")))).ToList();
        var metadata = "{" + string.Join(",", files.Select((f, i) => $$"""
            "{{f.Name}}":{"TypeName":"Công văn","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","Subject":"Lô văn bản số {{i + 1}}",
             "CodeNumber":"{{i + 40}}","CodeNotation":"UBND-VP","IssuedDate":"2025-05-02"}
            """)) + "}";
        MultipartFormDataContent Batch()
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(SharedArchive.Dossier), "dossier" }, { new StringContent(metadata), "metadata" },
            };
            foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "files", name);
            return form;
        }
        async Task<int> Filed()
        {
            await using var connection = new Npgsql.NpgsqlConnection(archive.Database);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM documents", connection);
            return (int)(long)(await command.ExecuteScalarAsync())!;
        }
        var before = await Filed();

        var a = await ServerProcess.StartAsync(archive.Data, archive.Node("a"));
        await using var b = await ServerProcess.StartAsync(archive.Data, archive.Node("b"));
        using var nodeA = Client(a.BaseUrl, token);
        using var nodeB = Client(b.BaseUrl, token);
        var sending = nodeA.PostAsync("/api/v1/inbox", Batch());
        var filedByA = await WaitForAsync(Filed, n => n > before, TimeSpan.FromSeconds(60)) - before;
        await a.DisposeAsync(); // kill -9, mid-batch
        Assert.That(async () => await sending, Throws.InstanceOf<HttpRequestException>(), "node A died before it answered");
        Assert.That(filedByA, Is.LessThan(count), "killed in the middle of the batch");

        var answer = JsonDocument.Parse(await (await nodeB.PostAsync("/api/v1/inbox", Batch())).Content.ReadAsStringAsync()).RootElement;
        var statuses = answer.EnumerateArray().Select(o => o.GetProperty("status").GetString()).ToList();
        TestContext.Out.WriteLine($"node A filed {filedByA} before it was killed; node B: {string.Join(", ", statuses)}");
        Assert.That(statuses, Has.Count.EqualTo(count));
        Assert.That(statuses, Has.All.AnyOf("accepted", "duplicate"), "each file is filed by one node or the other");
        Assert.That(statuses.Count(s => s == "duplicate"), Is.GreaterThanOrEqualTo(filedByA), "what node A filed is not filed twice");
        Assert.That(await Filed(), Is.EqualTo(before + count), "nothing lost, nothing twice");
        var check = await archive.RunAsync("check");
        Assert.That(check.ExitCode, Is.Zero, "no record points at a missing file: " + check);
        TestContext.Out.WriteLine(check.Stdout);
        // What node A had written for the documents it did not file (their PDF/A copies differ each time they are made) is
        // collected once no write can be on its way with it: here at once, as nothing else is writing.
        var collected = await Cli.RunChildAsync(["check", "--collect", "--json", "--data", archive.Data],
            new Dictionary<string, string>(archive.Node("cli")) { ["ARCHIVE__Archive__Storage__OrphanGraceHours"] = "0" });
        Expect(collected);
        TestContext.Out.WriteLine(collected.Stdout);
        var after = JsonDocument.Parse(collected.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.That(after.GetProperty("orphanBlobs").GetArrayLength(), Is.Zero, "no orphan is left");
        Assert.That(after.GetProperty("missingBlobs").GetArrayLength(), Is.Zero);
        Assert.That(await Filed(), Is.EqualTo(before + count));
    }

    /// <summary>The scheduler's settings for these tests: the fixity check on <paramref name="fixityCron"/>, no other job, nodes
    /// checking in every 2 s.</summary>
    private static Dictionary<string, string> Jobs(string fixityCron) => new()
    {
        ["ARCHIVE__Archive__Jobs__fixity__Cron"] = fixityCron, ["ARCHIVE__Archive__Jobs__backup__Cron"] = "off",
        ["ARCHIVE__Archive__Jobs__airgap__Cron"] = "off", ["ARCHIVE__Archive__Jobs__ClusterCheckinSeconds"] = "2",
    };

    /// <summary>One more document of a few megabytes, so a fixity check at 1 MB/s takes seconds.</summary>
    private static async Task AddLargeDocumentAsync(SharedArchive archive)
    {
        var large = archive.Pdf("bao-cao.pdf", "Bao cao tong hop",
            $"/Padding ({Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3_000_000))}) ");
        Expect(await archive.RunAsync("document", "add", large, "--dossier", SharedArchive.Dossier, "--set", "TypeName=Báo cáo",
            "--set", "OrganName=Ủy ban nhân dân tỉnh Hà Tĩnh", "--set", "CodeNumber=30", "--set", "CodeNotation=BC-UBND", "--set",
            "IssuedDate=2025-06-01", "--set", "Subject=Báo cáo tổng hợp", "--set", "PageAmount=1"));
    }

    private sealed record Run(DateTimeOffset Started, string Outcome);

    /// <summary>The runs of the fixity check in the job history, oldest first.</summary>
    private static async Task<List<Run>> FixityRunsAsync(SharedArchive archive)
    {
        var history = await archive.RunAsync("jobs", "history", "--json");
        Expect(history);
        return history.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(run => run.GetProperty("job").GetString() == "fixity")
            .Select(run => new Run(run.GetProperty("started").GetDateTimeOffset(), run.GetProperty("outcome").GetString()!))
            .OrderBy(run => run.Started).ToList();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (clock.Elapsed > limit)
                Assert.Fail($"not reached within {limit.TotalSeconds} s: {(value is System.Collections.IEnumerable many
                    ? string.Join("; ", many.Cast<object>()) : value)}");
            await Task.Delay(250);
        }
    }

    private static HttpClient Client(string url, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>How long until a search on the node finds one document; fails after a minute (the figure is the point).</summary>
    private static async Task<TimeSpan> FoundAfterAsync(HttpClient node, string query)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            var results = JsonDocument.Parse(await node.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}")).RootElement;
            if (results.GetProperty("total").GetInt32() > 0) return clock.Elapsed;
            await Task.Delay(50);
        }
        Assert.Fail($"'{query}' was not found on {node.BaseAddress} within a minute");
        return clock.Elapsed;
    }

    private static void Expect(CliResult run) => Assert.That(run.ExitCode, Is.Zero, run.ToString());

    /// <summary>
    /// A data folder whose catalog is a PostgreSQL database, with the demo archive: each node started on it keeps its own search
    /// index, as the command line run beside them does; <paramref name="settings"/> are given to all of them.
    /// </summary>
    private sealed class SharedArchive(string database, Dictionary<string, string>? settings = null) : IDisposable
    {
        public const string Login = "vthu";
        public static readonly string Dossier = $"000.00.00.H42.{DateTime.Now.Year - 1}.01.TH";
        private readonly TempFolder _data = new("archive-nodes");
        private readonly TempFolder _work = new("archive-node-work");

        public string Database => database;
        public string Data => _data.Path;

        /// <summary>The settings of a node (or "cli"): the shared catalog, its own index.</summary>
        public Dictionary<string, string> Node(string name) => new(settings ?? [])
        {
            ["ARCHIVE__Archive__Catalog__Provider"] = "postgres", ["ARCHIVE__Archive__Catalog__ConnectionString"] = database,
            ["ARCHIVE__Archive__Search__IndexFolder"] = Path.Combine(_work.Path, "index-" + name),
        };

        /// <summary>`archive ARGS --data` as a command run beside the nodes.</summary>
        public Task<CliResult> RunAsync(params string[] args) => Cli.RunChildAsync([.. args, "--data", Data], Node("cli"));

        public async Task DemoAsync() =>
            Expect(await RunAsync("demo", "--samples", Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "samples")));

        /// <summary>A records officer's personal API token (read and write).</summary>
        public async Task<string> TokenAsync()
        {
            Expect(await Cli.RunChildAsync(["user", "create", Login, "--full-name", "Văn thư", "--agency", "000.00.00.H42", "--role",
                "van-thu", "--password-stdin", "--data", Data], Node("cli"), stdin: Password));
            var created = await RunAsync("user", "token", "create", "nhiều nút", "--scope", "doc", "--scope", "ghi", "--json", "--as",
                Login);
            Expect(created);
            return JsonDocument.Parse(created.Stdout).RootElement.GetProperty("token").GetString()!;
        }

        /// <summary>A one-page PDF with a line of text, outside the data folder.</summary>
        public string Pdf(string name, string text, string catalogExtra = "") =>
            SamplePdf.Write(Path.Combine(_work.Path, name), text, catalogExtra);

        public void Dispose()
        {
            _data.Dispose();
            _work.Dispose();
        }
    }
}
