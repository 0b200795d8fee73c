using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Catalog;

/// <summary>
/// Mã định danh cơ quan. Accepts the QCVN 102:2016 form (13 characters, groups of 3.2.2.3,
/// e.g. <c>000.00.00.H42</c>) and the QĐ 20/2020 form (up to 35 characters of <c>.0-9A-Z</c>,
/// non-empty groups separated by single dots). Stored upper case.
/// </summary>
public sealed record AgencyCode
{
    public const int MaxLength = 35;
    public const int LegacyLength = 13;

    private static readonly int[] LegacyGroupLengths = [3, 2, 2, 3];

    private AgencyCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>True for the 13-character QCVN 102:2016 form, the only one that fits TT 02's OrganId (13).</summary>
    public bool IsLegacyForm
    {
        get
        {
            var groups = Value.Split('.');
            return groups.Length == LegacyGroupLengths.Length
                && groups.Select(g => g.Length).SequenceEqual(LegacyGroupLengths);
        }
    }

    public static AgencyCode Parse(string text) =>
        TryParseCore(text, out var code, out var error) ? code : throw new CatalogValidationException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AgencyCode? code) =>
        TryParseCore(text, out code, out _);

    internal static bool TryParseCore(
        string? text,
        [NotNullWhen(true)] out AgencyCode? code,
        [NotNullWhen(false)] out ValidationError? error)
    {
        code = null;
        var field = Tt02Fields.Agency.Code;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = ValidationError.For(field, "không được để trống.");
            return false;
        }

        var value = VietnameseText.Nfc(text).Trim().ToUpperInvariant();
        if (value.Length > MaxLength)
        {
            error = ValidationError.For(field, $"\"{value}\" dài {value.Length} ký tự, tối đa {MaxLength}.");
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ('.' or (>= '0' and <= '9') or (>= 'A' and <= 'Z')))
            {
                error = ValidationError.For(field,
                    $"\"{value}\" chứa ký tự không hợp lệ '{c}'; chỉ được dùng chữ A–Z, chữ số và dấu chấm.");
                return false;
            }
        }

        if (value.Split('.').Any(g => g.Length == 0))
        {
            error = ValidationError.For(field,
                $"\"{value}\" có nhóm rỗng; các nhóm ký tự phải ngăn cách bởi đúng một dấu chấm, ví dụ 000.00.00.H42.");
            return false;
        }

        code = new AgencyCode(value);
        error = null;
        return true;
    }

    public override string ToString() => Value;
}
