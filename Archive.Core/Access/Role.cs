using System.Diagnostics.CodeAnalysis;
using Archive.Core.Catalog;

namespace Archive.Core.Access;

/// <summary>
/// A user's role (DESIGN.md 10): what kinds of work the user does. Only these five instances exist; <see cref="Code"/> is
/// what the catalog keeps and the command line takes.
/// </summary>
public sealed record Role
{
    public static readonly Role Administrator = new("quan-tri", "quản trị hệ thống");
    public static readonly Role RecordsOfficer = new("van-thu", "văn thư");
    public static readonly Role Leader = new("lanh-dao", "lãnh đạo");
    public static readonly Role Specialist = new("chuyen-vien", "chuyên viên");
    public static readonly Role Archivist = new("luu-tru-vien", "lưu trữ viên");

    public static readonly IReadOnlyList<Role> All = [Administrator, RecordsOfficer, Leader, Specialist, Archivist];

    private Role(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; }

    /// <summary>Vietnamese name, e.g. "văn thư".</summary>
    public string Name { get; }

    /// <summary>Accepts the code ("van-thu") or the Vietnamese name with or without diacritics, any case.</summary>
    public static Role Parse(string text) =>
        TryParse(text, out var role)
            ? role
            : throw new AccountValidationException(
                $"Vai trò \"{text?.Trim()}\" không có; chỉ có {string.Join(", ", All.Select(r => $"{r.Code} ({r.Name})"))}.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Role? role)
    {
        role = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var folded = VietnameseText.Fold(text.Trim());
        role = All.FirstOrDefault(r => r.Code == folded || VietnameseText.Fold(r.Name) == folded);
        return role is not null;
    }

    public override string ToString() => Code;
}
