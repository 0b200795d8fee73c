namespace Archive.Core.Access;

/// <summary>
/// An account as it is shown (command output, API, pages): never its password hash. The one-time password is there only
/// in the answer that made it.
/// </summary>
public sealed record AccountSummary(string Login, string FullName, string? Agency, string? Unit, IReadOnlyList<string> Roles,
    bool Enabled, bool MustChangePassword, DateTimeOffset? LockedUntil, DateTimeOffset? LastSignInAt, string? OneTimePassword)
{
    public static AccountSummary Of(UserAccount a, string? oneTimePassword = null) =>
        new(a.Login, a.FullName, a.Agency?.Value, a.Unit, a.Roles, a.Enabled, a.MustChangePassword, a.LockedUntil, a.LastSignInAt,
            oneTimePassword);
}
