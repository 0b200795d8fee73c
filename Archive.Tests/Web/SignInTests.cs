using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>People sign in on the web: the one-time password must be changed first, five wrong passwords lock the account.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed partial class SignInTests(CatalogEngine engine)
{
    private const string NewPassword = "Van-thu-2019-HT";

    [Test]
    public async Task The_first_administrator_signs_in_with_the_printed_password_changes_it_and_only_then_works()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        var init = await Cli.RunAsync("init", "--json", "--data", data.Path);
        var oneTime = init.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.TryGetProperty("oneTimePassword", out _)).GetProperty("oneTimePassword").GetString()!;
        await WithServerAsync(data.Path, async http =>
        {
            // A post that does not come from the form (no anti-forgery token) is refused, and signs no one in.
            var forged = await http.PostAsync("/dang-nhap", new FormUrlEncodedContent([KeyValuePair.Create("login", "admin"),
                KeyValuePair.Create("password", oneTime)]));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await http.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

            // The page: a form with its anti-forgery token, then the forced change.
            var form = await http.GetStringAsync("/dang-nhap");
            Assert.That(form.Contains("<script>", StringComparison.Ordinal), Is.False, "no inline script (the CSP would refuse it)");
            Assert.That(form, Does.Contain("Đăng nhập").And.Contain("name=\"password\""));
            var signedIn = await http.PostAsync("/dang-nhap", Form(form, ("login", "admin"), ("password", oneTime)));
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(signedIn.Headers.Location!.ToString(), Is.EqualTo("/doi-mat-khau"));
            Assert.That((await http.GetAsync("/api/problems")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden),
                "nothing else before the change");

            var change = await http.GetStringAsync("/doi-mat-khau");
            var weak = await http.PostAsync("/doi-mat-khau", Form(change, ("current", oneTime), ("new", "123456")));
            Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await weak.Content.ReadAsStringAsync(), Does.Contain("Mật khẩu phải dài ít nhất 10"));
            change = await http.GetStringAsync("/doi-mat-khau");
            var changed = await http.PostAsync("/doi-mat-khau", Form(change, ("current", oneTime), ("new", NewPassword)));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((await http.GetAsync("/api/problems")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var me = JsonDocument.Parse(await http.GetStringAsync("/api/v1/me")).RootElement;
            Assert.That(me.GetProperty("mustChangePassword").GetBoolean(), Is.False);
            Assert.That(me.GetProperty("zone").GetString(), Is.EqualTo("Console"), "a client on loopback is on the archive machine");

            var post = await http.PostAsync("/dang-xuat", Form(await http.GetStringAsync("/")));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((await http.GetAsync("/api/problems")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_on_the_web_until_an_administrator_unlocks_it()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var created = await Cli.RunWithInputAsync(NewPassword + "\n", "user", "create", "vthu", "--full-name", "Văn thư",
            "--agency", DemoDossier.Agency, "--role", "van-thu", "--password-stdin", "--data", data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        await WithServerAsync(data.Path, async http =>
        {
            for (var i = 0; i < 4; i++)
            {
                var wrong = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "vthu", password = "Sai-mat-khau-9" });
                Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }
            var fifth = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "vthu", password = "Sai-mat-khau-9" });
            Assert.That(await fifth.Content.ReadAsStringAsync(), Does.Contain("tạm khoá"));
            var right = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "vthu", password = NewPassword });
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "locked even with the right password");
        });
        Assert.That((await Cli.RunAsync("user", "unlock", "vthu", "--data", data.Path)).ExitCode, Is.Zero);
        await WithServerAsync(data.Path, async http =>
        {
            var right = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "vthu", password = NewPassword });
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), await right.Content.ReadAsStringAsync());
            Assert.That((await http.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        var audit = await Cli.RunAsync("audit", "list", "--limit", "1000", "--data", data.Path);
        Assert.That(audit.Stdout, Does.Contain("user.locked").And.Contain("user.unlock").And.Contain("user.sign-in "));
    }

    [Test]
    public async Task Many_sign_in_attempts_from_one_client_are_slowed_down_with_a_message()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await Cli.RunAsync("init", "--data", data.Path);
        await WithServerAsync(data.Path, async http =>
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 25; i++)
                answers.Add(await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = $"ai-do-{i}", password = "Sai-mat-khau-9" }));
            Assert.That(answers.Take(20).Select(a => a.StatusCode), Has.All.EqualTo(HttpStatusCode.Unauthorized));
            var refused = answers.Last();
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("thử lại sau một phút"));
        });
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryField().Match(page);
        Assert.That(token.Success, "the form carries an anti-forgery token");
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value))));
    }

    private static async Task WithServerAsync(string data, Func<HttpClient, Task> use)
    {
        var port = ServeTests.FreeLoopbackPort();
        using var server = Process.Start(Cli.ChildProcess(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", data]))!;
        var log = server.StandardError.ReadToEndAsync();
        _ = server.StandardOutput.ReadToEndAsync();
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.That(await ServeTests.WaitForHealthAsync(http, server), Is.Not.Null, "the server never answered");
            await use(http);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        _ = await log;
    }

    [GeneratedRegex("""<input name="(__RequestVerificationToken)" type="hidden" value="([^"]*)" />""")]
    private static partial Regex AntiforgeryField();
}
