using Archive.Core.Catalog;

namespace Archive.Core.Access;

/// <summary>
/// A local user account: who (login name, full name), where in the agency (mã định danh, unit), what they do (roles),
/// and the sign-in state (password hash from ASP.NET Core Identity's hasher, failed attempts, lockout).
/// </summary>
public sealed record UserAccount
{
    public required string Login { get; init; }

    public required string FullName { get; init; }

    /// <summary>The agency the user works for; only an administrator of the whole system may have none.</summary>
    public AgencyCode? Agency { get; init; }

    /// <summary>Phòng, ban, đơn vị; null for the agency's leadership and its office-wide staff.</summary>
    public string? Unit { get; init; }

    /// <summary>Role codes (<see cref="Role.Code"/>), as the catalog keeps them.</summary>
    public string[] Roles { get; init; } = [];

    public bool Enabled { get; init; } = true;

    public string PasswordHash { get; init; } = "";

    /// <summary>Set by a one-time password: the user must choose a new password before anything else.</summary>
    public bool MustChangePassword { get; init; }

    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PasswordChangedAt { get; init; }

    public DateTimeOffset? LastSignInAt { get; init; }

    public IReadOnlySet<Role> RoleSet => Roles.Select(Role.Parse).ToHashSet();

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
