using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Access;

/// <summary>
/// Accounts at the service level: passwords, lockout, tokens, disabling; each refusal says why and writes nothing it should not.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class AccountTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private const string GoodPassword = "Hồ-sơ-2019-điện-tử";
    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private SettableClock _clock = null!;
    private AccountService _accounts = null!;
    private readonly Actor _operator = Actor.Operator("tester", "unit-test");

    [SetUp]
    public void Open()
    {
        _folder = new TempFolder("archive-data");
        _clock = new SettableClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), _clock, Logger.None, catalog: engine.NewCatalog());
        _accounts = new AccountService(_store, new AccessPolicy(), _clock);
        new CatalogService(_store, _clock).CreateAgency(Agency, "Ủy ban nhân dân tỉnh Hà Tĩnh", null, _operator);
    }

    [TearDown]
    public void Close()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Test]
    public void The_first_administrator_gets_a_one_time_password_that_must_be_changed_and_only_once()
    {
        var first = _accounts.CreateFirstAdministrator(_operator)!;
        Assert.That(first.Password, Is.Not.Null);
        Assert.DoesNotThrow(() => PasswordPolicy.Check(first.Password!, first.Account.Login));
        Assert.That(_accounts.CreateFirstAdministrator(_operator), Is.Null, "a second call makes no second administrator");

        var signIn = _accounts.SignIn("admin", first.Password!, "127.0.0.1", NetworkZone.Console);
        Assert.That(signIn.Succeeded && signIn.MustChangePassword, Is.True);
        Assert.That(signIn.Actor!.Has(Role.Administrator));
        _accounts.ChangePassword("admin", first.Password!, GoodPassword, signIn.Actor);
        var again = _accounts.SignIn("admin", GoodPassword, "127.0.0.1", NetworkZone.Console);
        Assert.That(again.Succeeded, Is.True);
        Assert.That(again.MustChangePassword, Is.False);
        Assert.That(_store.Catalog.Read(s => s.Users.Get("admin"))!.PasswordHash, Does.Not.Contain(GoodPassword));
    }

    [Test]
    public void Five_wrong_passwords_lock_the_account_for_fifteen_minutes_then_it_opens_again()
    {
        Create("nva", Role.RecordsOfficer, GoodPassword);
        for (var i = 1; i < AccountService.MaxFailedSignIns; i++)
            Assert.That(_accounts.SignIn("nva", "Sai-mat-khau-1", "10.0.0.5", NetworkZone.Networked).Refusal,
                Is.EqualTo("Tên đăng nhập hoặc mật khẩu không đúng."));
        var fifth = _accounts.SignIn("nva", "Sai-mat-khau-1", "10.0.0.5", NetworkZone.Networked);
        Assert.That(fifth.Refusal, Does.Contain("tạm khoá"));

        var rightButLocked = _accounts.SignIn("nva", GoodPassword, "10.0.0.5", NetworkZone.Networked);
        Assert.That(rightButLocked.Succeeded, Is.False, "the right password does not open a locked account");

        _clock.Now += TimeSpan.FromMinutes(14);
        Assert.That(_accounts.SignIn("nva", GoodPassword, "10.0.0.5", NetworkZone.Networked).Succeeded, Is.False);
        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.That(_accounts.SignIn("nva", GoodPassword, "10.0.0.5", NetworkZone.Networked).Succeeded, Is.True);

        var actions = _store.Catalog.AuditEntries().Select(e => e.Action).ToList();
        Assert.That(actions, Has.Member("user.locked").And.Member("user.sign-in-failed").And.Member("user.sign-in"));
        Assert.That(_store.Catalog.VerifyAudit().IsIntact);
    }

    [Test]
    public void An_administrator_unlocks_a_locked_account_before_its_time()
    {
        Create("nva", Role.RecordsOfficer, GoodPassword);
        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
            _accounts.SignIn("nva", "Sai-mat-khau-1", "10.0.0.5", NetworkZone.Networked);
        Assert.That(_accounts.SignIn("nva", GoodPassword, "10.0.0.5", NetworkZone.Networked).Succeeded, Is.False);

        Assert.Throws<AccessDeniedException>(() => _accounts.Unlock("nva", _accounts.ActAs("nva", "x", NetworkZone.Console)));
        _accounts.Unlock("nva", _operator);

        Assert.That(_accounts.SignIn("nva", GoodPassword, "10.0.0.5", NetworkZone.Networked).Succeeded, Is.True);
    }

    [Test]
    public void A_disabled_user_cannot_sign_in_act_or_use_a_token()
    {
        Create("ttb", Role.Specialist, GoodPassword);
        var token = _accounts.CreateToken("máy quét", ["doc"], 30, _accounts.ActAs("ttb", "x", NetworkZone.Console));
        var before = _accounts.ActAs("ttb", "x", NetworkZone.Console);
        Assert.That(_accounts.Authenticate(token.Secret, "x", NetworkZone.Console).Name, Is.EqualTo("ttb"), "the token read, and kept");

        _accounts.Disable("ttb", _operator);

        Assert.That(_accounts.SignIn("ttb", GoodPassword, "10.0.0.5", NetworkZone.Networked).Refusal, Does.Contain("vô hiệu hoá"));
        Assert.That(() => _accounts.ActAs("ttb", "x", NetworkZone.Console), Throws.TypeOf<AccessDeniedException>());
        Assert.That(() => _accounts.Authenticate(token.Secret, "x", NetworkZone.Console), Throws.TypeOf<AccessDeniedException>());
        // An actor made before the account was disabled is refused inside the next service call.
        Assert.That(() => new CatalogService(_store, _clock).Agencies(before),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("vô hiệu hoá"));

        _accounts.Enable("ttb", _operator);
        Assert.That(_accounts.SignIn("ttb", GoodPassword, "10.0.0.5", NetworkZone.Networked).Succeeded, Is.True);
    }

    [Test]
    public void A_token_is_shown_once_stored_hashed_and_limited_by_scope_expiry_and_revocation()
    {
        Create("vthu", Role.RecordsOfficer, GoodPassword);
        var owner = _accounts.ActAs("vthu", "x", NetworkZone.Console);
        var reader = _accounts.CreateToken("báo cáo", ["doc"], 30, owner);
        var writer = _accounts.CreateToken("máy quét", ["doc", "ghi"], 1, owner);

        Assert.That(_store.Catalog.Read(s => s.Tokens.All()).Select(t => t.SecretSha256), Has.None.Contains(reader.Secret.Split('_')[2]));
        var readOnly = _accounts.Authenticate(reader.Secret, "10.1.1.1", NetworkZone.Networked);
        var catalog = new CatalogService(_store, _clock);
        Assert.That(catalog.Agencies(readOnly), Has.Count.EqualTo(1), "reading is in the token's scope");
        var metadata = Archive.Core.Catalog.Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2020")
            .With("FileNotation", "07").With("Title", "Hồ sơ").With("Maintenance", "10 năm");
        Assert.That(() => catalog.CreateDossier(metadata, readOnly),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("phạm vi doc"));
        Assert.That(catalog.CreateDossier(metadata, _accounts.Authenticate(writer.Secret, "10.1.1.1", NetworkZone.Networked)).FileNotation,
            Is.EqualTo("07"));

        Assert.That(() => _accounts.Authenticate(reader.Secret[..^2] + "xx", "x", NetworkZone.Console),
            Throws.TypeOf<AccessDeniedException>());
        _clock.Now += TimeSpan.FromDays(2);
        Assert.That(() => _accounts.Authenticate(writer.Secret, "x", NetworkZone.Console),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("hết hạn"));
        _accounts.RevokeToken(reader.Token.Id, owner);
        Assert.That(() => _accounts.Authenticate(reader.Secret, "x", NetworkZone.Console),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("thu hồi"));
    }

    [TestCase("nguyen van a", "khoảng trắng")]
    [TestCase("nva\u0007", "ký tự điều khiển")]
    [TestCase("nva\u001b[31m", "ký tự điều khiển")]
    [TestCase("nguyễn", "ký tự")]
    public void A_bad_login_name_is_refused_naming_the_problem_and_nothing_is_written(string login, string _)
    {
        var before = _store.Catalog.AuditEntries().Count;
        var e = Assert.Throws<AccountValidationException>(() =>
            _accounts.Create(new NewAccount(login, "Nguyễn Văn A", Agency, null, ["van-thu"]), _operator))!;
        Assert.That(e.Message, Does.Contain("Tên đăng nhập"));
        Assert.That(_store.Catalog.Read(s => s.Users.Count()), Is.Zero);
        Assert.That(_store.Catalog.AuditEntries(), Has.Count.EqualTo(before));
    }

    [TestCase("ngan", "ít nhất 10")]
    [TestCase("chuthuongdai", "ba trong bốn")]
    [TestCase("Password@123", "phổ biến")]
    [TestCase("Nva-2019-abc", "tên đăng nhập")]
    public void A_weak_password_is_refused_naming_the_rule(string password, string rule)
    {
        var e = Assert.Throws<AccountValidationException>(() =>
            _accounts.Create(new NewAccount("nva", "Nguyễn Văn A", Agency, null, ["van-thu"], password), _operator))!;
        Assert.That(e.Message, Does.Contain(rule));
        Assert.That(_store.Catalog.Read(s => s.Users.Count()), Is.Zero);
    }

    [Test]
    public void An_unknown_role_and_a_missing_agency_are_named_in_one_pass()
    {
        var e = Assert.Throws<AccountValidationException>(() =>
            _accounts.Create(new NewAccount("nva", "Nguyễn Văn A", null, null, ["thu-ky", "van-thu"]), _operator))!;
        Assert.That(e.Problems, Has.Some.Contains("thu-ky").And.Some.Contains("mã định danh cơ quan"));
        Assert.That(_store.Catalog.Read(s => s.Users.Count()), Is.Zero);
    }

    private void Create(string login, Role role, string password) =>
        _accounts.Create(new NewAccount(login, $"Người dùng {login}", Agency, null, [role.Code], password), _operator);
}
