namespace Archive.Core.Transfers;

/// <summary>
/// When dossiers are due (TT02.md §8): into the agency's archive within a year of the year their work ended; permanent ones on to
/// the historical archive within 5 years of entering the agency's archive (Luật Lưu trữ 2024), or within 10 years of the year
/// their work ended (the 2011 law); a warning this many days before. Archive:Transfers:Law chooses "2024" (the default) or "2011".
/// </summary>
public sealed record TransferRules(int AgencyArchiveYears, int HistoricalYears, bool HistoricalFromAgencyArchive, int WarningDays)
{
    public static readonly TransferRules Law2024 = new(1, 5, HistoricalFromAgencyArchive: true, 30);
    public static readonly TransferRules Law2011 = new(1, 10, HistoricalFromAgencyArchive: false, 30);

    public static TransferRules Parse(string? law) => law?.Trim() switch
    {
        null or "" or "2024" => Law2024,
        "2011" => Law2011,
        _ => throw new ArgumentException($"Archive:Transfers:Law phải là 2024 hoặc 2011, không phải '{law}'.", nameof(law)),
    };
}
