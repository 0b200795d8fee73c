namespace Archive.Core.Registry;

/// <summary>
/// One line of the incoming register (sổ đăng ký văn bản đến, NĐ 30 Phụ lục VI): the arrival number
/// (số đến, from 1 each 1 January, no gaps, no repeats) and date given to an accepted document.
/// </summary>
public sealed record ArrivalEntry
{
    /// <summary>"yyyy-nnnnnn": unique per year and number, so a repeated number cannot be stored.</summary>
    public string Id { get; init; } = "";
    public int Year { get; init; }
    public int Number { get; init; }
    public DateTimeOffset ArrivalDate { get; init; }
    public string DocumentId { get; init; } = "";
    public string InboxItemId { get; init; } = "";
    /// <summary>Độ khẩn as received ("Thường", "Khẩn", "Thượng khẩn", "Hỏa tốc").</summary>
    public string? Priority { get; init; }

    public static string IdOf(int year, int number) => $"{year:D4}-{number:D6}";
}
