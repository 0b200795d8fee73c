using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Archive.Core.Catalog;

/// <summary>
/// Thời hạn bảo quản: "Vĩnh viễn" or a number of years from <see cref="AllowedYears"/>.
/// Ordered: a longer period compares greater, and permanent is greater than any number of years.
/// </summary>
public sealed record RetentionPeriod : IComparable<RetentionPeriod>
{
    private const string PermanentText = "Vĩnh viễn";

    /// <summary>The year counts the archive accepts. The one table: edit here.</summary>
    public static readonly ImmutableArray<int> AllowedYears = [2, 5, 10, 15, 20, 25, 30, 40, 50, 70];

    public static readonly RetentionPeriod Permanent = new((int?)null);

    private RetentionPeriod(int? years) => Years = years;

    /// <summary>Number of years, or null when permanent.</summary>
    public int? Years { get; }

    public bool IsPermanent => Years is null;

    /// <summary>"Vĩnh viễn" or e.g. "10 năm".</summary>
    public string Value => Years is { } y ? $"{y.ToString(CultureInfo.InvariantCulture)} năm" : PermanentText;

    public static RetentionPeriod FromYears(int years) =>
        AllowedYears.Contains(years)
            ? new RetentionPeriod(years)
            : throw new CatalogValidationException(NotAllowed(years.ToString(CultureInfo.InvariantCulture)));

    public static RetentionPeriod Parse(string text) =>
        TryParseCore(text, out var period, out var error) ? period : throw new CatalogValidationException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out RetentionPeriod? period) =>
        TryParseCore(text, out period, out _);

    private static bool TryParseCore(
        string? text,
        [NotNullWhen(true)] out RetentionPeriod? period,
        [NotNullWhen(false)] out ValidationError? error)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = ValidationError.For(Tt02Fields.Dossier.Maintenance, "không được để trống.");
            return false;
        }

        // Folding makes "Vĩnh viễn", "VINH VIEN", NFD input and "10 năm"/"10 nam" compare alike.
        var folded = VietnameseText.Fold(text);
        if (folded == VietnameseText.Fold(PermanentText))
        {
            period = Permanent;
            error = null;
            return true;
        }

        var number = folded.EndsWith("nam", StringComparison.Ordinal) ? folded[..^3].TrimEnd() : folded;
        if (number.Length is > 0 and <= 3 && number.All(char.IsAsciiDigit)
            && AllowedYears.Contains(int.Parse(number, CultureInfo.InvariantCulture)))
        {
            period = new RetentionPeriod(int.Parse(number, CultureInfo.InvariantCulture));
            error = null;
            return true;
        }

        error = NotAllowed(VietnameseText.Nfc(text).Trim());
        return false;
    }

    private static ValidationError NotAllowed(string value) =>
        ValidationError.For(Tt02Fields.Dossier.Maintenance,
            $"\"{value}\" không hợp lệ; chỉ chấp nhận {PermanentText} hoặc số năm: {string.Join(", ", AllowedYears)} năm.");

    public int CompareTo(RetentionPeriod? other) =>
        other is null ? 1 : (Years ?? int.MaxValue).CompareTo(other.Years ?? int.MaxValue);

    public override string ToString() => Value;
}
