using System.Globalization;

namespace Archive.Core.Access;

/// <summary>
/// A login name: 3 to 32 characters, lower-case ASCII letters, digits, '.', '_' or '-', starting with a letter. Typed on
/// login pages, in commands and in audit entries for decades, so it stays plain: no control characters, no spaces, no
/// diacritics (a full name carries those).
/// </summary>
public static class LoginName
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    public static string Parse(string? text)
    {
        var problem = Problem(text);
        return problem is null ? text!.Trim().ToLowerInvariant() : throw new AccountValidationException(problem);
    }

    /// <summary>Null when <paramref name="text"/> is a valid login name; else what is wrong with it, in Vietnamese.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "Tên đăng nhập không được để trống.";
        if (text.FirstOrDefault(char.IsControl) is var control and not '\0')
            return $"Tên đăng nhập chứa ký tự điều khiển (U+{((int)control).ToString("X4", CultureInfo.InvariantCulture)}); " +
                   "chỉ dùng chữ cái không dấu, chữ số, '.', '_' hoặc '-'.";
        var name = text.Trim().ToLowerInvariant();
        if (name.Length is < MinLength or > MaxLength) return $"Tên đăng nhập phải dài từ {MinLength} đến {MaxLength} ký tự.";
        if (name[0] is < 'a' or > 'z') return $"Tên đăng nhập \"{name}\" phải bắt đầu bằng một chữ cái không dấu.";
        var bad = name.FirstOrDefault(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'));
        return bad == '\0' ? null : $"Tên đăng nhập \"{name}\" có ký tự '{bad}'; chỉ dùng chữ cái không dấu, chữ số, '.', '_' hoặc '-'.";
    }
}
