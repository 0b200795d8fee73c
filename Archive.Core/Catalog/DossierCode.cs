using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Archive.Core.Catalog;

/// <summary>
/// Mã hồ sơ = mã phông (agency code) + "." + năm (4 digits) + "." + số và ký hiệu hồ sơ,
/// e.g. <c>000.00.00.H42.2019.01.TH</c>; at most 30 characters (TT 02). The notation part
/// becomes part of file names (<c>&lt;Mã hồ sơ&gt;.&lt;Số thứ tự&gt;</c>), so it is limited to
/// letters, digits, '.', '-' and '_'.
/// </summary>
public sealed record DossierCode
{
    public const int MaxLength = 30;
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    private DossierCode(AgencyCode organ, int year, string fileNotation)
    {
        Organ = organ;
        Year = year;
        FileNotation = fileNotation;
        Value = $"{organ.Value}.{year.ToString("D4", CultureInfo.InvariantCulture)}.{fileNotation}";
    }

    public AgencyCode Organ { get; }

    /// <summary>Năm hình thành hồ sơ (FileCatalog).</summary>
    public int Year { get; }

    /// <summary>Số và ký hiệu hồ sơ, e.g. <c>01.TH</c>.</summary>
    public string FileNotation { get; }

    public string Value { get; }

    public static DossierCode Compose(AgencyCode organ, int year, string fileNotation)
    {
        ArgumentNullException.ThrowIfNull(organ);
        return TryCompose(organ, year, fileNotation, reportAs: null, out var code, out var errors)
            ? code
            : throw new CatalogValidationException(errors);
    }

    public static DossierCode Parse(string text) =>
        TryParseCore(text, out var code, out var error) ? code : throw new CatalogValidationException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DossierCode? code) =>
        TryParseCore(text, out code, out _);

    private static bool TryParseCore(
        string? text,
        [NotNullWhen(true)] out DossierCode? code,
        [NotNullWhen(false)] out ValidationError? error)
    {
        code = null;
        var field = Tt02Fields.Dossier.FileCode;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = ValidationError.For(field, "không được để trống.");
            return false;
        }

        var value = VietnameseText.Nfc(text).Trim();
        if (value.Length > MaxLength)
        {
            error = ValidationError.For(field, $"\"{value}\" dài {value.Length} ký tự, tối đa {MaxLength}.");
            return false;
        }

        var groups = value.Split('.');
        foreach (var yearIndex in CandidateYearPositions(groups))
        {
            if (!AgencyCode.TryParse(string.Join('.', groups[..yearIndex]), out var organ))
                continue;
            var notation = string.Join('.', groups[(yearIndex + 1)..]);
            var year = int.Parse(groups[yearIndex], CultureInfo.InvariantCulture);
            if (TryCompose(organ, year, notation, reportAs: field, out code, out var errors))
            {
                error = null;
                return true;
            }
            error = errors[0];
            return false;
        }

        error = ValidationError.For(field,
            $"\"{value}\" không đúng dạng <mã phông>.<năm 4 chữ số>.<số và ký hiệu hồ sơ>, ví dụ 000.00.00.H42.2019.01.TH.");
        return false;
    }

    /// <summary>
    /// Where the year group may sit. The QCVN 102 agency code (4 groups) is tried first, since it
    /// is what TT 02 expects; then the first year-like group, for the longer QĐ 20/2020 codes.
    /// </summary>
    private static IEnumerable<int> CandidateYearPositions(string[] groups)
    {
        if (groups.Length > 5 && IsYearGroup(groups[4]))
            yield return 4;
        for (var i = 1; i < groups.Length - 1; i++)
        {
            if (i != 4 && IsYearGroup(groups[i]))
                yield return i;
        }
    }

    private static bool IsYearGroup(string group) =>
        group.Length == 4 && group.All(char.IsAsciiDigit)
        && int.Parse(group, CultureInfo.InvariantCulture) is >= MinYear and <= MaxYear;

    /// <param name="reportAs">Field to report every error under (when parsing a whole code); null to name the part.</param>
    private static bool TryCompose(
        AgencyCode organ,
        int year,
        string? fileNotation,
        Tt02Field? reportAs,
        [NotNullWhen(true)] out DossierCode? code,
        out List<ValidationError> errors)
    {
        code = null;
        errors = [];
        if (year is < MinYear or > MaxYear)
        {
            errors.Add(ValidationError.For(reportAs ?? Tt02Fields.Dossier.FileCatalog,
                $"năm {year} không hợp lệ; phải là năm 4 chữ số từ {MinYear} đến {MaxYear}."));
        }

        var notation = fileNotation is null ? "" : VietnameseText.Nfc(fileNotation).Trim();
        if (ValidateFileNotation(notation) is { } problem)
            errors.Add(ValidationError.For(reportAs ?? Tt02Fields.Dossier.FileNotation, problem));

        if (errors.Count > 0)
            return false;

        var candidate = new DossierCode(organ, year, notation);
        if (candidate.Value.Length > MaxLength)
        {
            errors.Add(ValidationError.For(Tt02Fields.Dossier.FileCode,
                $"\"{candidate.Value}\" dài {candidate.Value.Length} ký tự, tối đa {MaxLength}."));
            return false;
        }
        code = candidate;
        return true;
    }

    /// <returns>A Vietnamese description of the problem, or null when the notation is acceptable.</returns>
    internal static string? ValidateFileNotation(string notation)
    {
        var maxLength = Tt02Fields.Dossier.FileNotation.MaxLength!.Value;
        if (notation.Length == 0)
            return "số và ký hiệu hồ sơ không được để trống.";
        if (notation.Length > maxLength)
            return $"\"{notation}\" dài {notation.Length} ký tự, tối đa {maxLength}.";
        var bad = notation.FirstOrDefault(c => !(char.IsLetterOrDigit(c) || c is '.' or '-' or '_'));
        if (bad != default)
            return $"\"{notation}\" chứa ký tự không hợp lệ '{bad}'; chỉ dùng chữ, chữ số, '.', '-', '_'.";
        if (notation.Split('.').Any(g => g.Length == 0))
            return $"\"{notation}\" có dấu chấm ở đầu, ở cuối hoặc hai dấu chấm liền nhau.";
        return null;
    }

    public override string ToString() => Value;
}
