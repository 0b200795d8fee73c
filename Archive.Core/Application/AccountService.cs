using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Microsoft.AspNetCore.Identity;
using SignInResult = Archive.Core.Access.SignInResult;

namespace Archive.Core.Application;

/// <summary>
/// Local accounts: opening, disabling, passwords (hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>),
/// sign-in with lockout after <see cref="MaxFailedSignIns"/> failures for <see cref="LockoutPeriod"/>, and personal API
/// tokens. Every change is audited; a change of what a user may do is also a warning for the administrators.
/// </summary>
public sealed class AccountService(ArchiveStore store, AccessPolicy policy, TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);
    public const int MaxTokenDays = 365;

    public const int DefaultTokenDays = 90;
    public const string FirstAdministrator = "admin";
    private const string TokenPrefix = "arc_";

    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly CatalogReadCache<string, (ApiToken? Token, UserAccount? Account)> _tokens = new(store.Catalog);

    /// <summary>The first administrator of a new archive, with a one-time password; null when there are accounts already.</summary>
    public IssuedPassword? CreateFirstAdministrator(Actor actor)
    {
        var password = OneTimePassword.Create();
        var account = new UserAccount
        {
            Login = FirstAdministrator, FullName = "Quản trị hệ thống", Roles = [Role.Administrator.Code], MustChangePassword = true,
            CreatedAt = clock.GetLocalNow(),
        };
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        return store.Catalog.Write(actor, session =>
        {
            if (session.Users.Count() > 0) return null;
            session.Users.Insert(account);
            RightsChanged(session, "user.create", account.Login, null, Summary(account),
                $"Tạo tài khoản quản trị đầu tiên {account.Login} (mật khẩu dùng một lần, phải đổi khi đăng nhập lần đầu).");
            return new IssuedPassword(account, password);
        });
    }

    public IssuedPassword Create(NewAccount request, Actor actor)
    {
        var problems = new List<string>();
        var login = Collect(problems, () => LoginName.Parse(request.Login));
        var roles = request.Roles.Select(r => Collect(problems, () => Role.Parse(r))).OfType<Role>().Distinct().ToList();
        if (request.Roles.Count == 0) problems.Add("Tài khoản cần ít nhất một vai trò.");
        var agency = request.Agency is { Length: > 0 } code ? Collect(problems, () => ParseAgency(code)) : null;
        if (agency is null && request.Agency is not { Length: > 0 } && roles.Any(r => r != Role.Administrator))
            problems.Add("Tài khoản có vai trò nghiệp vụ cần mã định danh cơ quan (--agency).");
        var fullName = request.FullName?.Trim() ?? "";
        if (fullName.Length == 0) problems.Add("Họ và tên không được để trống.");
        if (fullName.Any(char.IsControl) || request.Unit?.Any(char.IsControl) == true)
            problems.Add("Họ tên và đơn vị không được chứa ký tự điều khiển.");
        var password = request.Password ?? OneTimePassword.Create();
        if (request.Password is not null && login is not null) Collect(problems, () => PasswordPolicy.Check(password, login));
        if (problems.Count > 0) throw new AccountValidationException(problems);
        var account = new UserAccount
        {
            Login = login!, FullName = fullName, Agency = agency,
            Unit = string.IsNullOrWhiteSpace(request.Unit) ? null : request.Unit.Trim(),
            Roles = roles.Select(r => r.Code).ToArray(), MustChangePassword = request.Password is null, CreatedAt = clock.GetLocalNow(),
        };
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        return store.Catalog.Write(actor, session =>
        {
            policy.Demand(session, actor, Operation.UserManage);
            if (session.Users.Exists(account.Login)) throw new CatalogConflictException($"Tài khoản {account.Login} đã có.");
            if (account.Agency is { } a && !session.Agencies.Exists(a.Value))
                throw new AccountValidationException($"Cơ quan {a} chưa có trong danh mục.");
            session.Users.Insert(account);
            RightsChanged(session, "user.create", account.Login, null, Summary(account),
                $"{actor.Name} tạo tài khoản {account.Login} với vai trò {RoleNames(account)}.");
            return new IssuedPassword(account, request.Password is null ? password : null);
        });
    }

    /// <summary>
    /// Changes who a user is in the agency: full name, agency, unit, roles (what is null stays as it is; an empty unit clears it).
    /// A change of agency, unit or roles changes what the user may do: it is a warning for the administrators.
    /// </summary>
    public UserAccount Update(string login, string? fullName, string? agency, string? unit, IReadOnlyList<string>? roles, Actor actor)
    {
        var problems = new List<string>();
        var parsedRoles = roles?.Select(r => Collect(problems, () => Role.Parse(r))).OfType<Role>().Distinct().ToList();
        if (roles is { Count: 0 }) problems.Add("Tài khoản cần ít nhất một vai trò.");
        var parsedAgency = agency is { Length: > 0 } code ? Collect(problems, () => ParseAgency(code)) : null;
        if (fullName is not null && (fullName.Trim().Length == 0 || fullName.Any(char.IsControl)))
            problems.Add("Họ và tên không được để trống hay chứa ký tự điều khiển.");
        if (unit?.Any(char.IsControl) == true) problems.Add("Tên đơn vị không được chứa ký tự điều khiển.");
        if (problems.Count > 0) throw new AccountValidationException(problems);
        return store.Catalog.Write(actor, session =>
        {
            policy.Demand(session, actor, Operation.UserManage);
            var before = Find(session, LoginName.Parse(login));
            if (parsedAgency is { } a && !session.Agencies.Exists(a.Value))
                throw new AccountValidationException($"Cơ quan {a} chưa có trong danh mục.");
            var after = before with
            {
                FullName = fullName?.Trim() ?? before.FullName,
                Agency = parsedAgency ?? before.Agency,
                Unit = unit is null ? before.Unit : unit.Trim().Length == 0 ? null : unit.Trim(),
                Roles = parsedRoles?.Select(r => r.Code).ToArray() ?? before.Roles,
            };
            if (after.Roles.Any(r => r != Role.Administrator.Code) && after.Agency is null)
                throw new AccountValidationException("Tài khoản có vai trò nghiệp vụ cần mã định danh cơ quan.");
            session.Users.Update(after);
            var rightsChanged = after.Agency != before.Agency || after.Unit != before.Unit || !after.Roles.SequenceEqual(before.Roles);
            if (rightsChanged)
                RightsChanged(session, "user.update", after.Login, Summary(before), Summary(after),
                    $"{actor.Name} đổi tài khoản {after.Login}: vai trò {RoleNames(before)} → {RoleNames(after)}, " +
                    $"cơ quan {before.Agency?.Value ?? "—"} → {after.Agency?.Value ?? "—"}, đơn vị {before.Unit ?? "—"} → {after.Unit ?? "—"}.");
            else session.Record(new AuditChange("user.update", nameof(UserAccount), after.Login, Summary(before), Summary(after)));
            return after;
        });
    }

    public IReadOnlyList<UserAccount> List(Actor actor) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.UserManage);
        return session.Users.All().OrderBy(u => u.Login, StringComparer.Ordinal).ToList();
    });

    /// <summary>An account; every user may see their own.</summary>
    public UserAccount Show(string login, Actor actor) => store.Catalog.Read(session =>
    {
        var name = LoginName.Parse(login);
        if (name != actor.Name || actor.IsOperator) policy.Demand(session, actor, Operation.UserManage);
        return Find(session, name);
    });

    public UserAccount Disable(string login, Actor actor) => SetEnabled(login, false, actor);

    public UserAccount Enable(string login, Actor actor) => SetEnabled(login, true, actor);

    /// <summary>A new one-time password; the lockout is lifted and the user must change it at the next sign-in.</summary>
    public IssuedPassword ResetPassword(string login, Actor actor)
    {
        var password = OneTimePassword.Create();
        return store.Catalog.Write(actor, session =>
        {
            policy.Demand(session, actor, Operation.UserManage);
            var before = Find(session, LoginName.Parse(login));
            var after = before with
            {
                PasswordHash = _hasher.HashPassword(before, password), MustChangePassword = true, FailedSignIns = 0, LockedUntil = null,
            };
            session.Users.Update(after);
            session.Record(new AuditChange("user.reset-password", nameof(UserAccount), after.Login, null, null));
            return new IssuedPassword(after, password);
        });
    }

    /// <summary>Lifts a lockout before its time runs out.</summary>
    public UserAccount Unlock(string login, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.UserManage);
        var after = Find(session, LoginName.Parse(login)) with { FailedSignIns = 0, LockedUntil = null };
        session.Users.Update(after);
        session.Record(new AuditChange("user.unlock", nameof(UserAccount), after.Login, null, null));
        return after;
    });

    /// <summary>The user changes their own password, giving the current one.</summary>
    public UserAccount ChangePassword(string login, string current, string next, Actor actor)
    {
        var name = LoginName.Parse(login);
        PasswordPolicy.Check(next, name);
        if (next == current) throw new AccountValidationException("Mật khẩu mới phải khác mật khẩu hiện tại.");
        return store.Catalog.Write(actor, session =>
        {
            var account = Find(session, name);
            if (!actor.IsOperator && actor.Name != name) throw new AccessDeniedException("Chỉ người dùng tự đổi được mật khẩu của mình.");
            if (!account.Enabled) throw new AccessDeniedException($"Tài khoản {name} đã bị vô hiệu hoá.");
            if (_hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
                throw new AccessDeniedException("Mật khẩu hiện tại không đúng.");
            var after = account with
            {
                PasswordHash = _hasher.HashPassword(account, next), MustChangePassword = false, PasswordChangedAt = clock.GetLocalNow(),
            };
            session.Users.Update(after);
            session.Record(new AuditChange("user.change-password", nameof(UserAccount), name, null, null));
            return after;
        });
    }

    /// <summary>
    /// Signs in with a password. Five failures in a row lock the account for fifteen minutes; each failure, the lockout and
    /// each success are audited. A refusal does not tell whether the name or the password was wrong.
    /// </summary>
    public SignInResult SignIn(string login, string password, string origin, NetworkZone zone)
    {
        var name = LoginName.Problem(login) is null ? LoginName.Parse(login) : "";
        var now = clock.GetLocalNow();
        var attempt = Actor.Operator(name.Length > 0 ? name : "(không rõ)", origin);
        return store.Catalog.Write(attempt, session =>
        {
            const string wrong = "Tên đăng nhập hoặc mật khẩu không đúng.";
            var account = name.Length > 0 ? session.Users.Get(name) : null;
            if (account is null)
            {
                session.Record(new AuditChange("user.sign-in-failed", nameof(UserAccount), name, null, "unknown account"));
                return new SignInResult(null, false, wrong);
            }
            if (!account.Enabled)
            {
                session.Record(new AuditChange("user.sign-in-failed", nameof(UserAccount), name, null, "disabled"));
                return new SignInResult(null, false, "Tài khoản đã bị vô hiệu hoá; liên hệ quản trị hệ thống.");
            }
            if (account.IsLockedAt(now))
            {
                session.Record(new AuditChange("user.sign-in-failed", nameof(UserAccount), name, null, "locked"));
                return new SignInResult(null, false, Locked(account.LockedUntil!.Value), account.LockedUntil);
            }
            var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
            if (verdict == PasswordVerificationResult.Failed)
            {
                // A lockout that ran out starts the count again.
                var failures = (account.LockedUntil is null ? account.FailedSignIns : 0) + 1;
                var locked = failures >= MaxFailedSignIns ? now + LockoutPeriod : (DateTimeOffset?)null;
                session.Users.Update(account with { FailedSignIns = failures, LockedUntil = locked });
                session.Record(new AuditChange(locked is null ? "user.sign-in-failed" : "user.locked", nameof(UserAccount), name, null,
                    failures.ToString(CultureInfo.InvariantCulture)));
                return locked is { } until ? new SignInResult(null, false, Locked(until), until) : new SignInResult(null, false, wrong);
            }
            var signedIn = account with
            {
                FailedSignIns = 0, LockedUntil = null, LastSignInAt = now,
                PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded
                    ? _hasher.HashPassword(account, password!)
                    : account.PasswordHash,
            };
            session.Users.Update(signedIn);
            session.Record(new AuditChange("user.sign-in", nameof(UserAccount), name, null, zone.ToString()));
            return new SignInResult(Actor.Of(signedIn, origin, zone), signedIn.MustChangePassword, null);
        });
    }

    /// <summary>The actor a known, enabled account acts as (the command line's --as, a signed-in web session).</summary>
    public Actor ActAs(string login, string origin, NetworkZone zone) => Actor.Of(Enabled(login), origin, zone);

    /// <summary>
    /// A signed-in session's account as it is now: refused once disabled; says whether its one-time password still waits to be changed.
    /// </summary>
    public SignInResult Session(string login, string origin, NetworkZone zone)
    {
        var account = Enabled(login);
        return new SignInResult(Actor.Of(account, origin, zone), account.MustChangePassword, null);
    }

    /// <summary>The account as the catalog has it now; unknown or disabled is a refusal.</summary>
    private UserAccount Enabled(string login)
    {
        if (LoginName.Problem(login) is { } problem) throw new AccessDeniedException(problem);
        var account = store.Catalog.Read(s => s.Users.Get(LoginName.Parse(login)))
                      ?? throw new AccessDeniedException($"Tài khoản {login.Trim()} không có trong hệ thống.");
        return account.Enabled ? account : throw new AccessDeniedException($"Tài khoản {account.Login} đã bị vô hiệu hoá.");
    }

    /// <summary>
    /// A personal API token for the acting user: at most <see cref="MaxTokenDays"/> days, never more than the user's roles allow.
    /// </summary>
    public IssuedToken CreateToken(string name, IReadOnlyList<string> scopes, int days, Actor actor)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl))
            problems.Add("Tên mã truy cập không được trống hay chứa ký tự điều khiển.");
        var parsed = scopes.Select(s => Collect(problems, () => TokenScopes.Parse(s))).Distinct().ToList();
        if (scopes.Count == 0) problems.Add("Mã truy cập cần ít nhất một phạm vi (doc, ghi, quan-tri).");
        if (days is < 1 or > MaxTokenDays) problems.Add($"Thời hạn mã truy cập phải từ 1 đến {MaxTokenDays} ngày.");
        if (actor.IsOperator) problems.Add("Mã truy cập là của một tài khoản: người vận hành máy không có mã truy cập; hãy thực hiện với tư cách một tài khoản.");
        if (problems.Count > 0) throw new AccountValidationException(problems);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var now = clock.GetLocalNow();
        var token = new ApiToken
        {
            Id = id, Login = actor.Name, Name = name.Trim(), SecretSha256 = Hash(secret), Scopes = parsed.Select(s => s.Code()).ToArray(),
            CreatedAt = now, ExpiresAt = now.AddDays(days),
        };
        return store.Catalog.Write(actor, session =>
        {
            _ = Find(session, actor.Name);
            session.Tokens.Insert(token);
            session.Record(new AuditChange("token.create", nameof(ApiToken), id, null,
                JsonSerializer.Serialize(new { token.Login, token.Name, token.Scopes, token.ExpiresAt })));
            return new IssuedToken(token, $"{TokenPrefix}{id}_{secret}");
        });
    }

    /// <summary>The acting user's tokens (an administrator may list anyone's).</summary>
    public IReadOnlyList<ApiToken> Tokens(string? login, Actor actor) => store.Catalog.Read(session =>
    {
        var owner = login is null ? actor.Name : LoginName.Parse(login);
        if (owner != actor.Name || actor.IsOperator) policy.Demand(session, actor, Operation.UserManage);
        return session.Tokens.Where(t => t.Login == owner).OrderBy(t => t.CreatedAt).ToList();
    });

    public ApiToken RevokeToken(string id, Actor actor) => store.Catalog.Write(actor, session =>
    {
        var token = session.Tokens.Get(id.Trim()) ?? throw new CatalogNotFoundException($"Không có mã truy cập '{id}'.");
        if (token.Login != actor.Name || actor.IsOperator) policy.Demand(session, actor, Operation.UserManage);
        var revoked = token with { RevokedAt = token.RevokedAt ?? clock.GetLocalNow() };
        session.Tokens.Update(revoked);
        session.Record(new AuditChange("token.revoke", nameof(ApiToken), token.Id, null, token.Login));
        return revoked;
    });

    /// <summary>The actor an API token stands for, or a refusal: unknown, wrong, expired, revoked, or its user disabled.</summary>
    public Actor Authenticate(string presented, string origin, NetworkZone zone)
    {
        const string invalid = "Mã truy cập không hợp lệ.";
        var parts = presented.StartsWith(TokenPrefix, StringComparison.Ordinal) ? presented[TokenPrefix.Length..].Split('_', 2) : [];
        if (parts.Length != 2) throw new AccessDeniedException(invalid);
        var (token, account) = _tokens.Read(parts[0], s =>
        {
            var t = s.Tokens.Get(parts[0]);
            return (t, t is null ? null : s.Users.Get(t.Login));
        });
        if (token is null || account is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(parts[1])),
                Encoding.ASCII.GetBytes(token.SecretSha256)))
            throw new AccessDeniedException(invalid);
        if (token.RevokedAt is not null) throw new AccessDeniedException($"Mã truy cập {token.Id} đã bị thu hồi.");
        if (token.ExpiresAt <= clock.GetLocalNow())
            throw new AccessDeniedException($"Mã truy cập {token.Id} đã hết hạn ngày {token.ExpiresAt:dd/MM/yyyy}.");
        if (!account.Enabled) throw new AccessDeniedException($"Tài khoản {account.Login} đã bị vô hiệu hoá.");
        return Actor.Of(account, origin, zone, token.ScopeSet);
    }

    private UserAccount SetEnabled(string login, bool enabled, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.UserManage);
        var before = Find(session, LoginName.Parse(login));
        if (!enabled && before.Login == actor.Name) throw new AccountValidationException("Không tự vô hiệu hoá tài khoản của mình.");
        var after = before with { Enabled = enabled };
        session.Users.Update(after);
        RightsChanged(session, enabled ? "user.enable" : "user.disable", after.Login, Summary(before), Summary(after),
            $"{actor.Name} {(enabled ? "kích hoạt lại" : "vô hiệu hoá")} tài khoản {after.Login}.");
        return after;
    });

    /// <summary>Audits a change of what someone may do and lists it as a warning for the administrators (NĐ 30 Phụ lục VI).</summary>
    internal void RightsChanged(ICatalogSession session, string action, string objectId, string? before, string? after, string warning)
    {
        session.Record(new AuditChange(action, nameof(UserAccount), objectId, before, after));
        session.Problems.Insert(new Problem
        {
            At = clock.GetLocalNow(), Kind = "access.rights-changed", ObjectId = objectId, Message = warning,
        });
    }

    private static UserAccount Find(ICatalogSession session, string login) =>
        session.Users.Get(login) ?? throw new CatalogNotFoundException($"Không có tài khoản '{login}'.");

    private static AgencyCode ParseAgency(string code)
    {
        try
        {
            return AgencyCode.Parse(code);
        }
        catch (CatalogValidationException e)
        {
            throw new AccountValidationException(e.Message);
        }
    }

    private static T? Collect<T>(List<string> problems, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (AccountValidationException e)
        {
            problems.AddRange(e.Problems);
            return default;
        }
    }

    private static void Collect(List<string> problems, Action check) => Collect(problems, () =>
    {
        check();
        return 0;
    });

    private static string Summary(UserAccount a) =>
        JsonSerializer.Serialize(new { a.Login, a.FullName, Agency = a.Agency?.Value, a.Unit, a.Roles, a.Enabled });

    private static string RoleNames(UserAccount a) => string.Join(", ", a.RoleSet.Select(r => r.Name));

    private static string Locked(DateTimeOffset until) =>
        $"Tài khoản tạm khoá do nhập sai mật khẩu {MaxFailedSignIns} lần; thử lại sau {until:HH:mm dd/MM/yyyy}.";

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '.');
}

/// <summary>An account and, when one was made, its one-time password: shown to the administrator this once.</summary>
public sealed record IssuedPassword(UserAccount Account, string? Password);
