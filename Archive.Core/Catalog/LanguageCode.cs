using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Catalog;

/// <summary>
/// Ngôn ngữ: an ISO 639-1 two-letter code, lower case. The languages the archive names in
/// Vietnamese are in <see cref="Known"/>; any other two-letter code is accepted without a name
/// (the format is checked, not membership of the ISO list).
/// </summary>
public sealed record LanguageCode
{
    private const string NamePrefix = "tieng "; // folded "Tiếng ", optional when typing a name

    public static readonly LanguageCode Vietnamese = new("vi", "Tiếng Việt");
    public static readonly LanguageCode English = new("en", "Tiếng Anh");
    public static readonly LanguageCode French = new("fr", "Tiếng Pháp");
    public static readonly LanguageCode Chinese = new("zh", "Tiếng Trung");
    public static readonly LanguageCode Russian = new("ru", "Tiếng Nga");

    /// <summary>The one table of named languages: add an entry here.</summary>
    public static readonly IReadOnlyList<LanguageCode> Known = [Vietnamese, English, French, Chinese, Russian];

    private LanguageCode(string code, string? name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>ISO 639-1 code, e.g. "vi".</summary>
    public string Code { get; }

    /// <summary>Vietnamese name, e.g. "Tiếng Việt"; null for codes outside <see cref="Known"/>.</summary>
    public string? Name { get; }

    public string Value => Code;

    public static LanguageCode Parse(string text) =>
        TryParse(text, out var language)
            ? language
            : throw new CatalogValidationException(ValidationError.For(Tt02Fields.Document.Language,
                $"\"{text?.Trim()}\" không hợp lệ; dùng mã ISO 639-1 hai chữ cái ({string.Join(", ", Known.Select(l => l.Code))}, …) "
                + $"hoặc tên ({string.Join(", ", Known.Select(l => l.Name))})."));

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out LanguageCode? language)
    {
        language = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter))
        {
            var code = trimmed.ToLowerInvariant();
            language = Known.FirstOrDefault(l => l.Code == code) ?? new LanguageCode(code, null);
            return true;
        }

        var folded = VietnameseText.Fold(trimmed);
        language = Known.FirstOrDefault(l =>
        {
            var name = VietnameseText.Fold(l.Name!);
            return name == folded || name == NamePrefix + folded;
        });
        return language is not null;
    }

    public override string ToString() => Value;
}
