namespace Archive.Core.Access;

/// <summary>What an administrator gives to open an account; without a password, a one-time password is made.</summary>
public sealed record NewAccount(string Login, string FullName, string? Agency, string? Unit, IReadOnlyList<string> Roles,
    string? Password = null);
