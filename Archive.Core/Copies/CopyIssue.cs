namespace Archive.Core.Copies;

/// <summary>
/// What making an approved copy needs, reserved on its request: the register number and ký hiệu, the verification code, the
/// copying organisation, and what to copy (the document's PDF/A, or for a SAO LỤC the signed SAO Y kept in the archive).
/// </summary>
/// <param name="SourceCopySha256">For a SAO LỤC: the blob of the SAO Y it copies.</param>
public sealed record CopyIssue(CopyRequest Request, string EntryId, string Notation, string VerificationCode, string OrganName,
    string? SourceCopySha256)
{
    public IReadOnlyList<int>? Pages => Request.Pages is { } pages ? PageSelection.Parse(pages).Pages : null;
}
