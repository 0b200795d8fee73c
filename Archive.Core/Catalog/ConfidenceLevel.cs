using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Catalog;

/// <summary>
/// Mức độ tin cậy (TT 02): "01" Bản chính, "02" Bản sao. Only these two instances exist.
/// <see cref="Value"/> is the code.
/// </summary>
public sealed record ConfidenceLevel
{
    public static readonly ConfidenceLevel Original = new("01", "Bản chính");
    public static readonly ConfidenceLevel Copy = new("02", "Bản sao");

    public static readonly IReadOnlyList<ConfidenceLevel> All = [Original, Copy];

    private ConfidenceLevel(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; }

    /// <summary>Vietnamese name, e.g. "Bản chính".</summary>
    public string Name { get; }

    public bool IsOriginal => Code == Original.Code;

    public string Value => Code;

    /// <summary>Accepts the code ("01") or the name with or without diacritics, any case.</summary>
    public static ConfidenceLevel Parse(string text) =>
        TryParse(text, out var level)
            ? level
            : throw new CatalogValidationException(ValidationError.For(Tt02Fields.Document.ConfidenceLevel,
                $"\"{text?.Trim()}\" không hợp lệ; chỉ chấp nhận {string.Join(", ", All.Select(l => $"{l.Code} ({l.Name})"))}."));

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ConfidenceLevel? level)
    {
        level = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        var folded = VietnameseText.Fold(trimmed);
        level = All.FirstOrDefault(l => l.Code == trimmed || VietnameseText.Fold(l.Name) == folded);
        return level is not null;
    }

    public override string ToString() => Value;
}
