namespace Archive.Core.Issuing;

/// <summary>
/// A number taken for a signed outgoing document: the ingest writes it into the file and adds the organisation signature. The
/// number stays the document's when that fails, so a second attempt uses it again and the register keeps no gap.
/// </summary>
public sealed record NumberingIssue(OutgoingDocument Document, int Number, DateOnly IssueDate, string SignedDigest)
{
    /// <summary>Số as NĐ 30 writes it: two digits at least ("05").</summary>
    public string NumberText => Number.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
