namespace Archive.Core.Access;

/// <summary>
/// A personal API token for machine clients. The secret is shown once when made; the catalog keeps only its SHA-256 (a
/// 256-bit random secret needs no slow hash), so a copy of the catalog does not give the token away.
/// </summary>
public sealed record ApiToken
{
    /// <summary>The public part of the token, before the secret: finds the record without scanning.</summary>
    public required string Id { get; init; }

    public required string Login { get; init; }

    /// <summary>What the user called it ("máy quét phòng Văn thư").</summary>
    public required string Name { get; init; }

    public required string SecretSha256 { get; init; }

    /// <summary>Scope codes (<see cref="TokenScopes.Code"/>).</summary>
    public string[] Scopes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public IReadOnlySet<TokenScope> ScopeSet => Scopes.Select(TokenScopes.Parse).ToHashSet();
}
