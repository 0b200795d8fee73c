namespace Archive.Core.Access;

/// <summary>
/// What a password must be: at least 10 characters with three of the four kinds (lower case, upper case, digits, others),
/// not containing the login name, not one of the passwords everyone tries first. Every problem is named at once.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789a", "Password123", "Password@123", "Matkhau@123", "Matkhau123", "Admin@12345", "Abc@123456", "Qwerty@123",
        "1234567890", "P@ssw0rd123", "Vietnam@123", "Hatinh@123",
    };

    /// <summary>Throws <see cref="AccountValidationException"/> naming each rule <paramref name="password"/> breaks.</summary>
    public static void Check(string password, string login)
    {
        var problems = new List<string>();
        if (password.Length < MinLength) problems.Add($"Mật khẩu phải dài ít nhất {MinLength} ký tự.");
        if (password.Length > MaxLength) problems.Add($"Mật khẩu dài quá {MaxLength} ký tự.");
        if (password.Any(char.IsControl)) problems.Add("Mật khẩu không được chứa ký tự điều khiển.");
        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)) }.Count(k => k);
        if (kinds < 3) problems.Add("Mật khẩu phải có ít nhất ba trong bốn loại ký tự: chữ thường, chữ hoa, chữ số, ký tự khác.");
        if (login.Length > 0 && password.Contains(login, StringComparison.OrdinalIgnoreCase))
            problems.Add("Mật khẩu không được chứa tên đăng nhập.");
        if (Common.Contains(password)) problems.Add("Mật khẩu này quá phổ biến, dễ bị đoán; chọn mật khẩu khác.");
        if (problems.Count > 0) throw new AccountValidationException(problems);
    }
}
