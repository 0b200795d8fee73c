namespace Archive.Core.Access;

/// <summary>A token just made: <see cref="Secret"/> is the whole token, shown to its owner this once and kept nowhere.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);
