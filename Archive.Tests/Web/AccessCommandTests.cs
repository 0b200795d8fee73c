using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>Rights through the command line: --as, grants that show and hide a dossier everywhere (search too), exit 77 and 64.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class AccessCommandTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Password = "Luu-tru-2019-HT";

    [Test]
    public async Task A_specialist_sees_a_dossier_only_while_granted_in_lists_reads_exports_and_search()
    {
        await CreateUser("cvien", "chuyen-vien");
        var file = Data.File("qd.pdf");
        SamplePdf.Write(file, "Quy che van ban dien tu");
        var added = await Cli.RunAsync([.. DemoDossier.AddDocument(file, Data.Path), "--json"]);
        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        var id = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("id").GetString()!;

        await ExpectHidden(id);

        var grant = await Cli.RunAsync("grant", DemoDossier.Code, "--user", "cvien", "--level", "read", "--data", Data.Path);
        Assert.That(grant.ExitCode, Is.Zero, grant.ToString());
        Assert.That((await As("cvien", "dossier", "list")).Stdout, Does.Contain(DemoDossier.Code));
        Assert.That((await As("cvien", "dossier", "show", DemoDossier.Code)).Stdout, Does.Contain("Ban hành quy chế"));
        var exported = await As("cvien", "export", id, "--original", Data.File("ban-sao.pdf"));
        Assert.That(exported.ExitCode, Is.Zero, exported.ToString());
        Assert.That(await File.ReadAllBytesAsync(Data.File("ban-sao.pdf")), Is.EqualTo(await File.ReadAllBytesAsync(file)));
        var found = await As("cvien", "search", "quy chế", "--json");
        Assert.That(JsonDocument.Parse(found.Stdout).RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1), found.ToString());
        var add = await As("cvien", [.. DemoDossier.AddDocument(file, Data.Path, codeNumber: "06")]);
        Assert.That(add.ExitCode, Is.EqualTo(77), "read does not allow filing: " + add);

        var revoke = await Cli.RunAsync("revoke", DemoDossier.Code, "--user", "cvien", "--data", Data.Path);
        Assert.That(revoke.ExitCode, Is.Zero, revoke.ToString());
        await ExpectHidden(id);

        var audit = await Cli.RunAsync("audit", "list", "--limit", "1000", "--json", "--data", Data.Path);
        var actions = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString()))
            .ToList();
        Assert.That(actions, Has.Member(("rights.grant", Environment.UserName)).And.Member(("rights.revoke", Environment.UserName))
            .And.Member(("document.read", "cvien")));
        Assert.That((await Cli.RunAsync("audit", "verify", "--data", Data.Path)).ExitCode, Is.Zero);
    }

    [Test]
    public async Task A_unit_grant_opens_the_dossier_to_every_member_of_the_unit_and_no_one_else()
    {
        await CreateUser("cvien1", "chuyen-vien", unit: "Phòng Tổ chức");
        await CreateUser("cvien2", "chuyen-vien", unit: "Phòng Tài chính");
        var grant = await Cli.RunAsync("grant", DemoDossier.Code, "--unit", "Phòng Tổ chức", "--level", "contribute", "--data", Data.Path);
        Assert.That(grant.ExitCode, Is.Zero, grant.ToString());

        var file = Data.File("cv.pdf");
        SamplePdf.Write(file, "Cong van");
        Assert.That((await As("cvien1", DemoDossier.AddDocument(file, Data.Path))).ExitCode, Is.Zero);
        Assert.That((await As("cvien2", DemoDossier.AddDocument(file, Data.Path, codeNumber: "07"))).ExitCode, Is.EqualTo(77));
        Assert.That((await As("cvien2", "dossier", "list")).Stdout, Does.Not.Contain(DemoDossier.Code));
    }

    [Test]
    public async Task A_change_of_roles_counts_at_once_and_is_a_warning_for_the_administrators()
    {
        await CreateUser("cvien", "chuyen-vien");
        Assert.That((await As("cvien", "dossier", "list")).Stdout, Does.Not.Contain(DemoDossier.Code));

        var update = await Cli.RunAsync("user", "update", "cvien", "--role", "van-thu", "--unit", "Văn phòng", "--data", Data.Path);
        Assert.That(update.ExitCode, Is.Zero, update.ToString());

        Assert.That((await As("cvien", "dossier", "list")).Stdout, Does.Contain(DemoDossier.Code), "a records officer sees the agency's dossiers");
        var alerts = await Cli.RunAsync("alerts", "--kind", "access.rights-changed", "--data", Data.Path);
        Assert.That(alerts.Stdout, Does.Contain("cvien").And.Contain("chuyên viên → văn thư").And.Contain("Văn phòng"));
        Assert.That((await As("cvien", "alerts")).ExitCode, Is.EqualTo(77), "alerts are for administrators and archivists");
        var noRole = await Cli.RunAsync("user", "update", "cvien", "--role", "thu-ky", "--data", Data.Path);
        Assert.That(noRole.ExitCode, Is.EqualTo(64), noRole.ToString());
    }

    [Test]
    public async Task An_unknown_or_disabled_account_is_refused_with_exit_77()
    {
        await CreateUser("vthu", "van-thu");
        var unknown = await As("khong-co", "dossier", "list");
        Assert.That(unknown.ExitCode, Is.EqualTo(77), unknown.ToString());
        Assert.That(unknown.Stderr, Does.Contain("khong-co"));

        Assert.That((await As("vthu", "dossier", "list")).ExitCode, Is.Zero);
        Assert.That((await Cli.RunAsync("user", "disable", "vthu", "--data", Data.Path)).ExitCode, Is.Zero);
        var disabled = await As("vthu", "dossier", "list");
        Assert.That(disabled.ExitCode, Is.EqualTo(77), disabled.ToString());
        Assert.That(disabled.Stderr, Does.Contain("vô hiệu hoá"));
        Assert.That((await As("vthu", "search", "quy")).ExitCode, Is.EqualTo(77));
    }

    [Test]
    public async Task A_role_without_the_right_is_refused_with_exit_77_and_nothing_is_written()
    {
        await CreateUser("ldao", "lanh-dao");
        var created = await As("ldao", "dossier", "create", "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2020",
            "--set", "FileNotation=05", "--set", "Title=Hồ sơ", "--set", "Maintenance=10 năm");
        Assert.That(created.ExitCode, Is.EqualTo(77), created.ToString());
        Assert.That(created.Stderr, Does.Contain("lập hồ sơ"));
        Assert.That((await Cli.RunAsync("dossier", "list", "--data", Data.Path)).Stdout, Does.Not.Contain("2020.05"));
        Assert.That((await As("ldao", "audit", "list")).ExitCode, Is.EqualTo(77));
        Assert.That((await As("ldao", "user", "list")).ExitCode, Is.EqualTo(77));
    }

    [Test]
    public async Task Bad_account_and_rights_input_exits_64_and_writes_nothing()
    {
        var before = await Audit();
        var ghost = await Cli.RunAsync("grant", DemoDossier.Code, "--user", "ghost", "--level", "read", "--data", Data.Path);
        Assert.That(ghost.ExitCode, Is.EqualTo(64), ghost.ToString());
        Assert.That(ghost.Stderr, Does.Contain("ghost"));
        var role = await Cli.RunAsync("user", "create", "nva", "--full-name", "Nguyễn Văn A", "--agency", DemoDossier.Agency,
            "--role", "thu-ky", "--data", Data.Path);
        Assert.That(role.ExitCode, Is.EqualTo(64), role.ToString());
        Assert.That(role.Stderr, Does.Contain("thu-ky"));
        var weak = await Cli.RunWithInputAsync("123456\n", "user", "create", "nva", "--full-name", "Nguyễn Văn A",
            "--agency", DemoDossier.Agency, "--role", "van-thu", "--password-stdin", "--data", Data.Path);
        Assert.That(weak.ExitCode, Is.EqualTo(64), weak.ToString());
        Assert.That(weak.Stderr, Does.Contain("Mật khẩu"));
        var control = await Cli.RunAsync("user", "create", "nva\u001b[2J", "--full-name", "Nguyễn Văn A", "--agency", DemoDossier.Agency,
            "--role", "van-thu", "--data", Data.Path);
        Assert.That(control.ExitCode, Is.EqualTo(64), control.ToString());
        Assert.That(control.Stderr, Does.Contain("ký tự điều khiển"));
        var level = await Cli.RunAsync("grant", DemoDossier.Code, "--user", "admin", "--level", "tat-ca", "--data", Data.Path);
        Assert.That(level.ExitCode, Is.EqualTo(64), level.ToString());
        Assert.That(await Audit(), Is.EqualTo(before));
    }

    [Test]
    public async Task Init_printed_the_first_administrators_one_time_password_which_must_then_be_changed()
    {
        using var fresh = new TempFolder("archive-data");
        Engine.Attach(fresh.Path);
        var init = await Cli.RunAsync("init", "--json", "--data", fresh.Path);
        var first = init.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.TryGetProperty("oneTimePassword", out _));
        var password = first.GetProperty("oneTimePassword").GetString()!;
        var again = await Cli.RunAsync("init", "--data", fresh.Path);
        Assert.That(again.Stdout, Does.Not.Contain(password), "printed once");

        var changed = await Cli.RunWithInputAsync($"{password}\n{Password}\n", "user", "password", "--as", "admin", "--data", fresh.Path);
        Assert.That(changed.ExitCode, Is.Zero, changed.ToString());
        var show = await Cli.RunAsync("user", "show", "admin", "--json", "--as", "admin", "--data", fresh.Path);
        Assert.That(JsonDocument.Parse(show.Stdout).RootElement.GetProperty("mustChangePassword").GetBoolean(), Is.False);
    }

    private async Task ExpectHidden(string documentId)
    {
        var list = await As("cvien", "dossier", "list");
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        Assert.That(list.Stdout, Does.Not.Contain(DemoDossier.Code));
        Assert.That((await As("cvien", "dossier", "show", DemoDossier.Code)).ExitCode, Is.EqualTo(77));
        var export = await As("cvien", "export", documentId, "--original", Data.File($"x-{Guid.NewGuid():N}.pdf"));
        Assert.That(export.ExitCode, Is.EqualTo(77), export.ToString());
        var search = await As("cvien", "search", "quy chế", "--json");
        Assert.That(JsonDocument.Parse(search.Stdout).RootElement.GetProperty("total").GetInt32(), Is.Zero, search.ToString());
    }

    [Test]
    public async Task A_copy_is_requested_and_approved_from_the_command_line_and_a_second_decision_is_refused()
    {
        await CreateUser("vthu", "van-thu");
        await CreateUser("ldao", "lanh-dao");
        var file = Data.File("qd.pdf");
        SamplePdf.Write(file, "Quyet dinh can sao");
        var added = await Cli.RunAsync([.. DemoDossier.AddDocument(file, Data.Path), "--json"]);
        var id = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("id").GetString()!;

        var request = await As("vthu", "copy", "request", id, "--form", "trich-sao", "--pages", "1", "--purpose", "Cung cấp hồ sơ vụ án",
            "--recipient", "Tòa án nhân dân tỉnh Hà Tĩnh", "--json");
        Assert.That(request.ExitCode, Is.Zero, request.ToString());
        var number = JsonDocument.Parse(request.Stdout).RootElement.GetProperty("id").GetString()!;
        Assert.That((await As("vthu", "copy", "approve", number)).ExitCode, Is.EqualTo(77), "the requester is no approver");
        var approved = await As("ldao", "copy", "approve", number);
        Assert.That((approved.ExitCode, approved.Stdout), Is.EqualTo((0, $"Đã duyệt yêu cầu TRÍCH SAO số {number}.\n")),
            approved.ToString());
        var again = await As("ldao", "copy", "refuse", number, "--reason", "Đổi ý");
        Assert.That((again.ExitCode, again.Stderr),
            Is.EqualTo((64, $"Lỗi: Yêu cầu sao {number} đã được duyệt; không quyết định lại được.\n")),
            again.ToString());
        var listed = await As("vthu", "copy", "list", "--json");
        var line = JsonDocument.Parse(listed.Stdout).RootElement;
        Assert.That((line.GetProperty("id").GetString(), line.GetProperty("status").GetString(), line.GetProperty("pages").GetString()),
            Is.EqualTo((number, "approved", "1")), listed.ToString());
    }

    private async Task CreateUser(string login, string role, string? unit = null)
    {
        string[] args = ["user", "create", login, "--full-name", $"Người dùng {login}", "--agency", DemoDossier.Agency, "--role", role,
            "--password-stdin", "--data", Data.Path];
        var created = await Cli.RunWithInputAsync(Password + "\n", unit is null ? args : [.. args, "--unit", unit]);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
    }

    private Task<CliResult> As(string login, params string[] args) =>
        Cli.RunAsync(args.Contains("--data") ? [.. args, "--as", login] : [.. args, "--as", login, "--data", Data.Path]);

    private async Task<int> Audit() =>
        (await Cli.RunAsync("audit", "list", "--limit", "100000", "--json", "--data", Data.Path)).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
