using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>
/// Grants on dossiers (read &lt; contribute &lt; manage) to a user or a unit; documents take their dossier's rights. Every
/// grant and revoke is audited and listed as a warning for the administrators (NĐ 30 Phụ lục VI).
/// </summary>
public sealed class RightsService(ArchiveStore store, CatalogService catalog, AccountService accounts, AccessPolicy policy,
    TimeProvider clock)
{
    /// <param name="user">The login of the user to grant to; or else <paramref name="unit"/>, a unit of the dossier's agency.</param>
    public DossierGrant Grant(string dossierCode, string? user, string? unit, string level, Actor actor)
    {
        var parsed = AccessLevels.Parse(level);
        var dossier = catalog.Locate(dossierCode);
        var grantee = GranteeOf(dossier, user, unit);
        return store.Catalog.Write(actor, session =>
        {
            policy.Demand(session, actor, Operation.RightsManage);
            EnsureUserExists(session, user);
            var id = DossierGrant.IdOf(dossier.FileCode.Value, grantee);
            var before = session.Grants.Get(id);
            var grant = new DossierGrant
            {
                Id = id, FileCode = dossier.FileCode.Value, Grantee = grantee.Value, Level = parsed, GrantedBy = actor.Name,
                GrantedAt = clock.GetLocalNow(),
            };
            if (before is null) session.Grants.Insert(grant);
            else session.Grants.Update(grant);
            accounts.RightsChanged(session, "rights.grant", id, before is null ? null : Summary(before), Summary(grant),
                $"{actor.Name} cấp quyền {Permissions.Describe(parsed)} trên hồ sơ {dossier.FileCode} cho {grantee.Display}" +
                (before is null ? "." : $" (trước đó: {Permissions.Describe(before.Level)})."));
            return grant;
        });
    }

    public DossierGrant Revoke(string dossierCode, string? user, string? unit, Actor actor)
    {
        var dossier = catalog.Locate(dossierCode);
        return Revoke(DossierGrant.IdOf(dossier.FileCode.Value, GranteeOf(dossier, user, unit)), actor);
    }

    /// <summary>Revokes a grant named by its id, as grants are listed.</summary>
    public DossierGrant Revoke(string grantId, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.RightsManage);
        var grant = session.Grants.Get(grantId) ?? throw new CatalogNotFoundException(
            grantId.Split('|') is [var code, var grantee] && TryDisplay(grantee) is { } display
                ? $"{display} không có quyền riêng nào trên hồ sơ {code}."
                : $"Không có quyền riêng '{grantId}'.");
        session.Grants.Delete(grant.Id);
        accounts.RightsChanged(session, "rights.revoke", grant.Id, Summary(grant), null,
            $"{actor.Name} thu hồi quyền {Permissions.Describe(grant.Level)} trên hồ sơ {grant.FileCode} của " +
            $"{Grantee.Parse(grant.Grantee).Display}.");
        return grant;
    });

    private static string? TryDisplay(string grantee)
    {
        try
        {
            return Grantee.Parse(grantee).Display;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The grants on one dossier, or every grant.</summary>
    public IReadOnlyList<DossierGrant> Grants(string? dossierCode, Actor actor) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.RightsManage);
        var grants = dossierCode is null ? session.Grants.All() : session.Grants.Where(g => g.FileCode == dossierCode.Trim());
        return grants.OrderBy(g => g.FileCode, StringComparer.Ordinal).ThenBy(g => g.Grantee, StringComparer.Ordinal).ToList();
    });

    private static Grantee GranteeOf(Dossier dossier, string? user, string? unit)
    {
        if ((user is null) == (unit is null))
            throw new AccountValidationException("Cấp quyền cho một người dùng (--user) hoặc một đơn vị (--unit), không cả hai.");
        if (user is not null) return Grantee.User(LoginName.Parse(user));
        if (string.IsNullOrWhiteSpace(unit) || unit.Any(char.IsControl)) throw new AccountValidationException("Tên đơn vị không hợp lệ.");
        return Grantee.Unit(dossier.OrganId, unit.Trim());
    }

    private static void EnsureUserExists(ICatalogSession session, string? user)
    {
        if (user is not null && !session.Users.Exists(LoginName.Parse(user)))
            throw new AccountValidationException($"Không có tài khoản '{user.Trim()}'; không cấp quyền cho người dùng không tồn tại.");
    }

    private static string Summary(DossierGrant g) =>
        JsonSerializer.Serialize(new { g.FileCode, g.Grantee, Level = g.Level.Code(), g.GrantedBy });
}
