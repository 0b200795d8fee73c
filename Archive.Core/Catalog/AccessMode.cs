using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Catalog;

/// <summary>
/// Chế độ sử dụng (TT 02): "01" Hạn chế, "02" Không hạn chế. Only these two instances exist.
/// <see cref="Value"/> is the code, which is what TT 02 exports and storage keeps.
/// </summary>
public sealed record AccessMode
{
    public static readonly AccessMode Restricted = new("01", "Hạn chế", isRestricted: true);
    public static readonly AccessMode Open = new("02", "Không hạn chế", isRestricted: false);

    public static readonly IReadOnlyList<AccessMode> All = [Restricted, Open];

    private AccessMode(string code, string name, bool isRestricted)
    {
        Code = code;
        Name = name;
        IsRestricted = isRestricted;
    }

    public string Code { get; }

    /// <summary>Vietnamese name, e.g. "Hạn chế".</summary>
    public string Name { get; }

    public bool IsRestricted { get; }

    public string Value => Code;

    /// <summary>Accepts the code ("01") or the name with or without diacritics, any case.</summary>
    public static AccessMode Parse(string text) =>
        TryParse(text, out var mode)
            ? mode
            : throw new CatalogValidationException(ValidationError.For(Tt02Fields.Document.Mode,
                $"\"{text?.Trim()}\" không hợp lệ; chỉ chấp nhận {string.Join(", ", All.Select(m => $"{m.Code} ({m.Name})"))}."));

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AccessMode? mode)
    {
        mode = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        var folded = VietnameseText.Fold(trimmed);
        mode = All.FirstOrDefault(m => m.Code == trimmed || VietnameseText.Fold(m.Name) == folded);
        return mode is not null;
    }

    public override string ToString() => Value;
}
