using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;

namespace Archive.Core.Access;

/// <summary>
/// The one access policy (Điều 16.8, 16.9c): every application service calls it, for reads and writes alike, inside its
/// catalog transaction, with the acting <see cref="Actor"/>. Operations not on a dossier are judged by role
/// (<see cref="Permissions.RoleMatrix"/>); operations on a dossier by the level the actor has on it: the level its roles
/// give on its own agency's open dossiers, raised by grants to the user or its unit. Restricted dossiers ("Hạn chế")
/// need an explicit grant and a request from the machine itself or an isolated network (Điều 16.6). An API token
/// narrows what its user may do to its scopes. The operator and the scheduler may do everything.
/// </summary>
public sealed class AccessPolicy
{
    /// <summary>Demands an operation that is not on one dossier; <paramref name="main"/> is the main catalog's session.</summary>
    public void Demand(ICatalogSession main, Actor actor, Operation operation)
    {
        if (Permissions.LevelNeeded.ContainsKey(operation))
            throw new ArgumentException($"{operation} is judged on a dossier.", nameof(operation));
        if (Refusal(main, actor, operation) is { } refusal) throw new AccessDeniedException(refusal);
    }

    /// <summary>Whether the actor may do an operation that is not on one dossier: what a page shows or leaves out.</summary>
    public bool Allows(ICatalogSession main, Actor actor, Operation operation) => Refusal(main, actor, operation) is null;

    private static string? Refusal(ICatalogSession main, Actor actor, Operation operation)
    {
        if (actor.IsOperator) return null;
        var refusal = NotCurrent(main, actor) ?? ScopeRefusal(actor, operation);
        if (refusal is not null) return refusal;
        return Permissions.RoleMatrix[operation].Overlaps(actor.Roles)
            ? null
            : $"Tài khoản {actor.Name} ({RoleNames(actor)}) không có quyền {Permissions.Describe(operation)}.";
    }

    /// <summary>
    /// Demands an operation on <paramref name="dossier"/>, which may live
    /// in the restricted collection; grants are in <paramref name="main"/>.
    /// </summary>
    public void Demand(ICatalogSession main, Actor actor, Dossier dossier, Operation operation)
    {
        if (Refusal(main, actor, dossier, operation) is { } refusal) throw new AccessDeniedException(refusal);
    }

    /// <summary>Whether the actor may do an operation on a dossier: what a page offers or leaves out.</summary>
    public bool Allows(ICatalogSession main, Actor actor, Dossier dossier, Operation operation) =>
        Refusal(main, actor, dossier, operation) is null;

    private string? Refusal(ICatalogSession main, Actor actor, Dossier dossier, Operation operation)
    {
        var needed = Permissions.LevelNeeded.TryGetValue(operation, out var level)
            ? level
            : throw new ArgumentException($"{operation} is not judged on a dossier.", nameof(operation));
        if (actor.IsOperator) return null;
        if ((NotCurrent(main, actor) ?? ScopeRefusal(actor, operation)) is { } refusal) return refusal;
        if (dossier.Rights.IsRestricted && actor.Zone == NetworkZone.Networked)
            return $"Hồ sơ {dossier.FileCode} hạn chế sử dụng: chỉ truy cập được từ máy của kho hoặc từ mạng cách ly (Điều 16.6); " +
                   $"yêu cầu này đến từ {actor.Origin}, ngoài các mạng cách ly.";
        var have = LevelOn(main, actor, dossier);
        return have >= needed
            ? null
            : $"Tài khoản {actor.Name} không có quyền {Permissions.Describe(operation)} trên hồ sơ {dossier.FileCode} " +
              $"(cần quyền {Permissions.Describe(needed)}, hiện có: {Permissions.Describe(have)})" +
              (dossier.Rights.IsRestricted ? "; hồ sơ hạn chế sử dụng chỉ mở cho người được cấp quyền riêng." : ".");
    }

    /// <summary>The actor's level on a dossier: what its roles give in its agency, raised by the grants it or its unit holds.</summary>
    private AccessLevel LevelOn(ICatalogSession main, Actor actor, Dossier dossier)
    {
        if (actor.IsOperator) return AccessLevel.Manage;
        if (dossier.Rights.IsRestricted && actor.Zone == NetworkZone.Networked) return AccessLevel.None;
        var granted = Granted(main, actor, dossier.FileCode.Value);
        return dossier.Rights.IsRestricted ? granted : (AccessLevel)Math.Max((int)granted, (int)FromRoles(actor, dossier));
    }

    /// <summary>Which dossiers the actor may see at all: lists and searches are filtered by it, so nothing else is even counted.</summary>
    public DossierVisibility Visibility(ICatalogSession main, Actor actor)
    {
        if (actor.IsOperator) return DossierVisibility.Everything;
        EnsureCurrent(main, actor);
        var grantees = Grantee.ValuesOf(actor);
        var granted = main.Grants.Where(g => grantees.Contains(g.Grantee) && g.Level >= AccessLevel.Read).Select(g => g.FileCode);
        var wholeAgency = actor.Agency is { } agency && actor.Roles.Any(r => WholeAgencyLevel(actor, r) >= AccessLevel.Read)
            ? new HashSet<string> { agency.Value }
            : [];
        var unitOnly = actor.Agency is not null && actor.Unit is { } unit && actor.Roles.Any(r => UnitLevel(actor, r) >= AccessLevel.Read)
            ? unit
            : null;
        return new DossierVisibility(wholeAgency, actor.Agency?.Value, unitOnly, granted.ToHashSet(StringComparer.Ordinal),
            actor.Zone != NetworkZone.Networked);
    }

    private static AccessLevel FromRoles(Actor actor, Dossier dossier)
    {
        if (actor.Agency is null || actor.Agency != dossier.OrganId) return AccessLevel.None;
        var level = AccessLevel.None;
        foreach (var role in actor.Roles)
        {
            var fromRole = (AccessLevel)Math.Max((int)WholeAgencyLevel(actor, role),
                dossier.Unit is not null && dossier.Unit == actor.Unit ? (int)UnitLevel(actor, role) : 0);
            if (fromRole > level) level = fromRole;
        }
        return level;
    }

    /// <summary>A leader who belongs to a unit leads that unit: the role's level then covers the unit's dossiers only.</summary>
    private static AccessLevel WholeAgencyLevel(Actor actor, Role role) =>
        role == Role.Leader && actor.Unit is not null ? AccessLevel.None : Permissions.AgencyLevel[role];

    private static AccessLevel UnitLevel(Actor actor, Role role) =>
        role == Role.Leader && actor.Unit is not null ? Permissions.AgencyLevel[role] : AccessLevel.None;

    private static AccessLevel Granted(ICatalogSession main, Actor actor, string fileCode)
    {
        var level = AccessLevel.None;
        foreach (var grantee in Grantee.ValuesOf(actor))
            if (main.Grants.Get(DossierGrant.IdOf(fileCode, grantee)) is { } grant && grant.Level > level)
                level = grant.Level;
        return level;
    }

    /// <summary>The account as the catalog has it now: one disabled since the actor was made is refused here.</summary>
    private static void EnsureCurrent(ICatalogSession main, Actor actor)
    {
        if (NotCurrent(main, actor) is { } refusal) throw new AccessDeniedException(refusal);
    }

    private static string? NotCurrent(ICatalogSession main, Actor actor) => main.Users.Get(actor.Name) switch
    {
        null => $"Tài khoản {actor.Name} không có trong hệ thống.",
        { Enabled: false } => $"Tài khoản {actor.Name} đã bị vô hiệu hoá.",
        _ => null,
    };

    private static string? ScopeRefusal(Actor actor, Operation operation)
    {
        var needed = Permissions.ScopeOf(operation);
        return actor.Scopes is { } scopes && !scopes.Contains(needed)
            ? $"Mã truy cập (token) này chỉ có phạm vi {string.Join(", ", scopes.Select(s => s.Code()))}; " +
              $"{Permissions.Describe(operation)} cần phạm vi {needed.Code()}."
            : null;
    }

    private static string RoleNames(Actor actor) =>
        actor.Roles.Count == 0 ? "chưa có vai trò" : string.Join(", ", actor.Roles.Select(r => r.Name));
}

/// <summary>
/// The dossiers an actor may see: every dossier of <see cref="WholeAgencies"/>, the dossiers of <see cref="Unit"/> in its
/// agency, and the dossiers granted to it or its unit. Restricted dossiers only by grant, and only from an isolated zone.
/// </summary>
public sealed record DossierVisibility(IReadOnlySet<string>? WholeAgencies, string? Agency, string? Unit, IReadOnlySet<string> Granted,
    bool RestrictedReachable)
{
    /// <summary>For the operator and the scheduler.</summary>
    public static readonly DossierVisibility Everything = new(null, null, null, new HashSet<string>(), true);

    public bool IsEverything => WholeAgencies is null;

    public bool Allows(Dossier dossier)
    {
        if (IsEverything) return true;
        if (dossier.Rights.IsRestricted) return RestrictedReachable && Granted.Contains(dossier.FileCode.Value);
        return WholeAgencies!.Contains(dossier.OrganId.Value) || Granted.Contains(dossier.FileCode.Value)
               || (Unit is not null && dossier.Unit == Unit && dossier.OrganId.Value == Agency);
    }
}
