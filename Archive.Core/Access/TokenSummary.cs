namespace Archive.Core.Access;

/// <summary>A personal API token as it is listed: never the digest of its secret. The secret itself only when it was just made.</summary>
public sealed record TokenSummary(string Id, string Login, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string? Token)
{
    public static TokenSummary Of(ApiToken t, string? secret = null) =>
        new(t.Id, t.Login, t.Name, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, secret);
}
