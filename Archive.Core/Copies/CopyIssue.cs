namespace Archive.Core.Copies;

/// <summary>
/// What making an approved copy needs, reserved on its request: the register number and ký hiệu, the verification code and the
/// copying organisation. A copy is made from the document's PDF/A (SAO LỤC, made from a SAO Y, is not made yet).
/// </summary>
public sealed record CopyIssue(CopyRequest Request, string EntryId, string Notation, string VerificationCode, string OrganName)
{
    public IReadOnlyList<int>? Pages => Request.Pages is { } pages ? PageSelection.Parse(pages).Pages : null;
}
