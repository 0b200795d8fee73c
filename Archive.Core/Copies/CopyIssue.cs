namespace Archive.Core.Copies;

/// <summary>
/// What making an approved copy needs, reserved on its request: the register number and ký hiệu, the verification code and the
/// copying organisation; what it is made from: the document's PDF/A, or for a SAO LỤC the signed SAO Y it copies
/// (<see cref="SourceCopy"/>); and the signature validation report the archive made of the document when it received it.
/// </summary>
public sealed record CopyIssue(CopyRequest Request, string EntryId, string Notation, string VerificationCode, string OrganName,
    CopyRegisterEntry? SourceCopy = null, string? SourceSignatureReport = null)
{
    public IReadOnlyList<int>? Pages => Request.Pages is { } pages ? PageSelection.Parse(pages).Pages : null;
}
