using System.Text.Json;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>
/// `archive task` end to end: a registered document waits to be presented, is presented to a leader, assigned with a deadline,
/// worked on and completed, each by the role whose step it is; a deadline in the past and a date that is not one are refused.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class TaskCommandTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [Test]
    public async Task A_registered_document_goes_from_presentation_to_completion()
    {
        var file = SamplePdf.Write(Data.File("cv.pdf"), $"Cong van den {Guid.NewGuid():N}");
        var metadata = Data.File("cv.json");
        await File.WriteAllTextAsync(metadata, """
            {"TypeName":"Công văn","OrganName":"UBND huyện Can Lộc","CodeNumber":"15","CodeNotation":"UBND-NV",
             "IssuedDate":"2026-11-20","Subject":"Về việc báo cáo công tác văn thư","PageAmount":1}
            """);
        Assert.That((await Cli.RunAsync("ingest", file, "--dossier", DemoDossier.Code, "--metadata", metadata, "--data", Data.Path))
            .ExitCode, Is.Zero);
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("gdoc", "lanh-dao"), ("cvien", "chuyen-vien") })
            await CopyCommandTests.CreateUserAsync(Data, login, role);

        var waiting = await As("vthu", "task", "unpresented", "--json");
        var arrival = JsonDocument.Parse(waiting.Stdout.Split('\n')[0]).RootElement.GetProperty("arrival").GetProperty("id").GetString()!;
        Assert.That((await As("cvien", "task", "present", arrival, "--to", "gdoc")).ExitCode, Is.EqualTo(77));
        Assert.That((await As("vthu", "task", "present", arrival, "--to", "gdoc")).ExitCode, Is.Zero);

        var past = await As("gdoc", "task", "assign", arrival, "--lead", "cvien", "--deadline", "2020-01-01");
        Assert.That((past.ExitCode, past.Stderr.Contains("đã qua")), Is.EqualTo((64, true)), past.ToString());
        var notADate = await As("gdoc", "task", "assign", arrival, "--lead", "cvien", "--deadline", "31/12/2026");
        Assert.That(notADate.ExitCode, Is.EqualTo(64), notADate.ToString());
        var deadline = DateTime.Now.AddDays(5).ToString("yyyy-MM-dd");
        var assigned = await As("gdoc", "task", "assign", arrival, "--lead", "cvien", "--deadline", deadline, "--instructions",
            "Tham mưu báo cáo");
        Assert.That(assigned.ExitCode, Is.Zero, assigned.ToString());

        Assert.That((await As("cvien", "task", "list", "--mine")).Stdout, Does.Contain(arrival).And.Contain("đang xử lý"));
        Assert.That((await As("cvien", "task", "progress", arrival, "--note", "Đang tổng hợp số liệu")).ExitCode, Is.Zero);
        Assert.That((await As("cvien", "task", "complete", arrival, "--note", "Đã gửi báo cáo")).ExitCode, Is.Zero);
        var shown = await As("gdoc", "task", "show", arrival);
        Assert.That(shown.Stdout, Does.Contain("đã xong").And.Contain("Trình").And.Contain("Giao xử lý").And.Contain("Báo cáo tiến độ")
            .And.Contain("Hoàn thành: Đã gửi báo cáo"));
    }

    private Task<CliResult> As(string login, params string[] args) => Cli.RunAsync([.. args, "--as", login, "--data", Data.Path]);
}
