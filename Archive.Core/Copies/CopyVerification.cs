namespace Archive.Core.Copies;

/// <summary>
/// What the archive says of a file or a code handed in for verification: the register entry of the copy it issued, or
/// nothing. Only what the copy itself shows is told (never the document's content or the requester).
/// </summary>
public sealed record CopyVerification(string Notation, string FormName, string OrganName, DateTimeOffset SignedAt, int PageCount,
    string Sha256, string VerificationCode);
