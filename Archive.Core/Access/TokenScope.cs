using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Access;

/// <summary>What a personal API token may be used for; a token never does more than its user's roles allow.</summary>
public enum TokenScope
{
    /// <summary>Reading: catalog, documents, search, reports.</summary>
    Read,
    /// <summary>Changing records: receiving, filing, deciding, opening and closing dossiers.</summary>
    Write,
    /// <summary>Administration: accounts, rights, trust anchors, preservation jobs.</summary>
    Admin,
}

public static class TokenScopes
{
    public static string Code(this TokenScope scope) => scope switch
    {
        TokenScope.Read => "doc",
        TokenScope.Write => "ghi",
        _ => "quan-tri",
    };

    public static TokenScope Parse(string text) =>
        TryParse(text, out var scope)
            ? scope
            : throw new AccountValidationException($"Phạm vi \"{text?.Trim()}\" không có; chỉ có doc, ghi, quan-tri.");

    public static bool TryParse([NotNullWhen(true)] string? text, out TokenScope scope)
    {
        scope = default;
        foreach (var candidate in Enum.GetValues<TokenScope>())
            if (string.Equals(text?.Trim(), candidate.Code(), StringComparison.OrdinalIgnoreCase))
            {
                scope = candidate;
                return true;
            }
        return false;
    }
}
