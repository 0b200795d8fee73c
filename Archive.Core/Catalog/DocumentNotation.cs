using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Archive.Core.Catalog;

/// <summary>
/// Số và ký hiệu văn bản (NĐ 30/2020): <c>05/QĐ-UBND</c>, <c>123/UBND-VP</c> (Công văn: no
/// type abbreviation), or <c>12/2019/QĐ-UBND</c> (legal documents carry the year).
/// The number is written with a leading 0 below 10, so <c>5/QĐ-UBND</c> is rejected.
/// </summary>
public sealed record DocumentNotation
{
    public const int MaxNumberLength = 11;
    public const int MaxNotationLength = 30;

    private DocumentNotation(string number, int? year, string notation)
    {
        Number = number;
        Year = year;
        Notation = notation;
        var dash = notation.IndexOf('-');
        if (dash > 0 && DocumentTypeAbbreviations.Contains(notation[..dash]))
        {
            TypeAbbreviation = notation[..dash];
            IssuerAbbreviation = notation[(dash + 1)..];
        }
        else
        {
            IssuerAbbreviation = notation;
        }
        Value = year is { } y
            ? $"{number}/{y.ToString(CultureInfo.InvariantCulture)}/{notation}"
            : $"{number}/{notation}";
    }

    /// <summary>Số của văn bản: digits only, e.g. "05", "123".</summary>
    public string Number { get; }

    /// <summary>The year written in legal documents' notation (<c>12/2019/QĐ-UBND</c>), otherwise null.</summary>
    public int? Year { get; }

    /// <summary>Ký hiệu without number and year, e.g. "QĐ-UBND".</summary>
    public string Notation { get; }

    /// <summary>The type abbreviation (e.g. "QĐ") when the notation starts with a known one; null for Công văn.</summary>
    public string? TypeAbbreviation { get; }

    /// <summary>The issuing body's abbreviation, e.g. "UBND" in QĐ-UBND, "UBND-VP" in a Công văn.</summary>
    public string IssuerAbbreviation { get; }

    public string Value { get; }

    /// <summary>Vietnamese type name for <see cref="TypeAbbreviation"/>, e.g. "Quyết định".</summary>
    public string? TypeName =>
        TypeAbbreviation is not null && DocumentTypeAbbreviations.TryGetTypeName(TypeAbbreviation, out var name)
            ? name
            : null;

    public static DocumentNotation Parse(string text) =>
        TryParseCore(text, out var notation, out var error) ? notation : throw new CatalogValidationException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DocumentNotation? notation) =>
        TryParseCore(text, out notation, out _);

    internal static bool TryParseCore(
        string? text,
        [NotNullWhen(true)] out DocumentNotation? result,
        [NotNullWhen(false)] out ValidationError? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = ValidationError.For(Tt02Fields.Document.CodeNumber, "số và ký hiệu văn bản không được để trống.");
            return false;
        }

        var value = VietnameseText.Nfc(text).Trim();
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            error = ValidationError.For(Tt02Fields.Document.CodeNotation,
                $"\"{value}\" thiếu dấu \"/\" giữa số và ký hiệu, ví dụ 05/QĐ-UBND.");
            return false;
        }

        if (ValidateNumber(value[..slash]) is { } numberProblem)
        {
            error = ValidationError.For(Tt02Fields.Document.CodeNumber, numberProblem);
            return false;
        }

        var rest = value[(slash + 1)..];
        int? year = null;
        if (rest.Length > 5 && rest[4] == '/' && rest[..4].All(char.IsAsciiDigit))
        {
            var y = int.Parse(rest[..4], CultureInfo.InvariantCulture);
            if (y is < DossierCode.MinYear or > DossierCode.MaxYear)
            {
                error = ValidationError.For(Tt02Fields.Document.CodeNotation,
                    $"năm {y} trong \"{value}\" không hợp lệ.");
                return false;
            }
            year = y;
            rest = rest[5..];
        }

        if (ValidateNotation(rest) is { } notationProblem)
        {
            error = ValidationError.For(Tt02Fields.Document.CodeNotation, notationProblem);
            return false;
        }

        result = new DocumentNotation(value[..slash], year, rest);
        error = null;
        return true;
    }

    private static string? ValidateNumber(string number)
    {
        if (number.Length == 0)
            return "thiếu số trước dấu \"/\".";
        if (!number.All(char.IsAsciiDigit))
            return $"\"{number}\" chỉ được gồm chữ số.";
        if (number.Length > MaxNumberLength)
            return $"\"{number}\" dài {number.Length} ký tự, tối đa {MaxNumberLength}.";
        if (number.All(c => c == '0'))
            return $"\"{number}\" không hợp lệ; số văn bản bắt đầu từ 01.";
        if (number.Length == 1)
            return $"\"{number}\" phải ghi thêm số 0 phía trước (\"0{number}\") theo Nghị định 30/2020/NĐ-CP.";
        return null;
    }

    private static string? ValidateNotation(string notation)
    {
        if (notation.Length == 0)
            return "thiếu ký hiệu sau dấu \"/\", ví dụ QĐ-UBND.";
        if (notation.Length > MaxNotationLength)
            return $"\"{notation}\" dài {notation.Length} ký tự, tối đa {MaxNotationLength}.";
        if (!char.IsLetter(notation[0]))
            return $"\"{notation}\" phải bắt đầu bằng chữ cái, ví dụ QĐ-UBND.";
        if (notation.Any(char.IsWhiteSpace))
            return $"\"{notation}\" không được chứa khoảng trắng.";
        if (notation.Split('-').Any(part => part.Length == 0))
            return $"\"{notation}\" có dấu \"-\" ở cuối hoặc hai dấu \"-\" liền nhau.";
        return null;
    }

    public override string ToString() => Value;
}
