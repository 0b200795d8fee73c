using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>
/// Quản trị through the API over a real Kestrel: accounts, grants, tokens, agencies, the trust store and the audit log; no answer
/// carries a password hash or a token digest, and nobody but an administrator gets in.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class AdministrationApiTests(CatalogEngine engine)
{
    [Test]
    public async Task An_administrator_keeps_accounts_grants_tokens_agencies_and_trust_through_the_api()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var admin = await ServeTests.TokenAsync(data.Path, "qtri", "quan-tri", "doc", "ghi");
        var officer = await ServeTests.TokenAsync(data.Path, "vthu", "van-thu", "doc", "ghi");
        await using var server = await ServerProcess.StartAsync(data.Path);
        using var http = Client(server, admin);

        var created = await http.PostAsJsonAsync("/api/v1/users",
            new { login = "nvb", fullName = "Nguyễn Văn B", agency = DemoDossier.Agency, unit = "Phòng Tổng hợp",
                roles = new[] { "chuyen-vien" } });
        var createdBody = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), createdBody);
        Assert.That(JsonDocument.Parse(createdBody).RootElement.GetProperty("oneTimePassword").GetString(),
            Has.Length.GreaterThanOrEqualTo(10));
        var users = await http.GetStringAsync("/api/v1/users");
        Assert.That(users, Does.Contain("nvb").And.Not.Contain("passwordHash").And.Not.Contain("AQAAAA"), "no hash leaves the archive");
        Assert.That(JsonDocument.Parse(users).RootElement.EnumerateArray().Single(u => u.GetProperty("login").GetString() == "nvb")
            .GetProperty("oneTimePassword").ValueKind, Is.EqualTo(JsonValueKind.Null), "the one-time password only when it is made");

        var wrongRole = await http.PatchAsJsonAsync("/api/v1/users/nvb", new { roles = new[] { "giam-doc" } });
        Assert.That(wrongRole.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Detail(wrongRole), Does.Contain("giam-doc"));
        var promoted = await Json(await http.PatchAsJsonAsync("/api/v1/users/nvb", new { roles = new[] { "lanh-dao" } }));
        Assert.That(promoted.GetProperty("roles")[0].GetString(), Is.EqualTo("lanh-dao"));
        var reset = await Json(await http.PostAsync("/api/v1/users/nvb/reset-password", null));
        Assert.That(reset.GetProperty("mustChangePassword").GetBoolean(), Is.True);
        Assert.That((await Json(await http.PostAsync("/api/v1/users/nvb/disable", null))).GetProperty("enabled").GetBoolean(), Is.False);

        var granted = await http.PostAsJsonAsync("/api/v1/grants", new { dossier = DemoDossier.Code, user = "nvb", level = "read" });
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        var grants = await Json(await http.GetAsync($"/api/v1/grants?dossier={DemoDossier.Code}"));
        Assert.That(grants.GetArrayLength(), Is.EqualTo(1));
        var revoked = await http.DeleteAsync($"/api/v1/grants?dossier={DemoDossier.Code}&user=nvb");
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var again = await http.DeleteAsync($"/api/v1/grants?dossier={DemoDossier.Code}&user=nvb");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var token = await http.PostAsJsonAsync("/api/v1/tokens", new { name = "kịch bản sao lưu", scopes = new[] { "doc" }, days = 30 });
        var tokenBody = await Json(token);
        Assert.That(tokenBody.GetProperty("token").GetString(), Does.StartWith("arc_"));
        var tokens = await http.GetStringAsync("/api/v1/tokens");
        Assert.That(tokens, Does.Contain("kịch bản sao lưu").And.Not.Contain("secretSha256"));
        var gone = await Json(await http.DeleteAsync($"/api/v1/tokens/{tokenBody.GetProperty("id").GetString()}"));
        Assert.That(gone.GetProperty("revokedAt").ValueKind, Is.EqualTo(JsonValueKind.String));

        var badAgency = await http.PostAsJsonAsync("/api/v1/agencies", new { code = "H42-SAI", name = "Sai" });
        Assert.That(badAgency.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var agency = await http.PostAsJsonAsync("/api/v1/agencies",
            new { code = "000.00.10.G14", name = "Sở Nội vụ", parentCode = DemoDossier.Agency });
        Assert.That(agency.StatusCode, Is.EqualTo(HttpStatusCode.Created), await agency.Content.ReadAsStringAsync());

        using var key = ECDsa.Create();
        using var root = new CertificateRequest("CN=Gốc thử nghiệm API", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var uploaded = await http.PostAsync("/api/v1/trust", Upload("anchor", "goc.cer", root.RawData));
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var hostileName = await http.PostAsync("/api/v1/trust", Upload("crl", "../../catalog.db", root.RawData));
        Assert.That(hostileName.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a CRL that is a certificate is refused");
        var wrongKind = await http.PostAsync("/api/v1/trust", Upload("goc", "goc2.cer", root.RawData));
        Assert.That(await Detail(wrongKind), Does.Contain("goc"));
        Assert.That(await http.GetStringAsync("/api/v1/trust"), Does.Contain("Gốc thử nghiệm API"));

        var audit = await http.GetStringAsync("/api/v1/audit?limit=1000");
        Assert.That(audit, Does.Contain("rights.revoke").And.Contain("trust.add-anchor").And.Contain("user.disable"));

        using var notAdmin = Client(server, officer);
        foreach (var path in new[] { "/api/v1/users", "/api/v1/grants", "/api/v1/tokens?user=qtri" })
            Assert.That((await notAdmin.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        Assert.That((await notAdmin.PostAsync("/api/v1/trust", Upload("anchor", "x.cer", root.RawData))).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static MultipartFormDataContent Upload(string kind, string name, byte[] content) =>
        new() { { new StringContent(kind), "kind" }, { new ByteArrayContent(content), "file", name } };

    private static HttpClient Client(ServerProcess server, string token) => new()
    {
        BaseAddress = new Uri(server.BaseUrl), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> Detail(HttpResponseMessage response) => (await Json(response)).GetProperty("detail").GetString()!;
}
