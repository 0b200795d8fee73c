namespace Archive.Core.Access;

/// <summary>The level names the command line and the API take: read, contribute, manage (or doc, dong-gop, quan-ly).</summary>
public static class AccessLevels
{
    public static AccessLevel Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "read" or "doc" or "đọc" => AccessLevel.Read,
        "contribute" or "dong-gop" or "đóng góp" => AccessLevel.Contribute,
        "manage" or "quan-ly" or "quản lý" => AccessLevel.Manage,
        _ => throw new AccountValidationException(
            $"Mức quyền \"{text?.Trim()}\" không có; chỉ có read (đọc), contribute (đóng góp), manage (quản lý)."),
    };

    public static string Code(this AccessLevel level) => level.ToString().ToLowerInvariant();
}
