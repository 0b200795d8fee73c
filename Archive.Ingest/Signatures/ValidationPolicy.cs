namespace Archive.Ingest.Signatures;

/// <summary>
/// What a validation demands (DESIGN.md 4): `basic` is the standard's checks plus
/// no-modification-after-signing; `agency` adds the regulation's rules (Điều 12, 13) as mandatory.
/// The algorithm constraints are part of the policy so that an agency can tighten them.
/// </summary>
public sealed record ValidationPolicy
{
    public static readonly ValidationPolicy Basic = new() { Name = "basic" };
    public static readonly ValidationPolicy Agency = new() { Name = "agency", AppliesAgencyRules = true };

    public required string Name { get; init; }
    public bool AppliesAgencyRules { get; init; }

    /// <summary>Without CRL or OCSP for a certificate the result is INDETERMINATE/TRY_LATER.</summary>
    public bool RequiresRevocationData { get; init; } = true;
    public int MinimumRsaKeyBits { get; init; } = 2048;
    public IReadOnlySet<string> RejectedDigests { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "SHA-1", "MD5" };

    /// <summary>Certificates whose CN starts with one of these name an organisation, not a person.</summary>
    public IReadOnlyList<string> OrganisationNamePrefixes { get; init; } =
        ["UBND", "Ủy ban", "Uỷ ban", "Sở ", "Bộ ", "Ban ", "Cục ", "Tổng cục", "Văn phòng", "Trung tâm", "Chi cục", "Phòng "];

    public static bool TryParse(string? name, out ValidationPolicy policy)
    {
        policy = name?.ToLowerInvariant() switch
        {
            null or "basic" => Basic,
            "agency" => Agency,
            _ => null!,
        };
        return policy is not null;
    }
}
