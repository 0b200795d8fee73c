using Archive.Core.Audit;

namespace Archive.Core.Access;

/// <summary>
/// The outcome of a sign-in with a password. A refusal says why in Vietnamese without telling a guesser which part was wrong.
/// </summary>
public sealed record SignInResult(Actor? Actor, bool MustChangePassword, string? Refusal, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Actor is not null;
}
