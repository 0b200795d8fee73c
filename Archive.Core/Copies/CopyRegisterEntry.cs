namespace Archive.Core.Copies;

/// <summary>
/// One line of the register of copies (sổ bản sao): the copy's number and ký hiệu, what it copies, who asked, approved and
/// made it, for whom, when it was signed, and the SHA-256 of the signed file, by which a copy handed in later is recognised.
/// </summary>
public sealed record CopyRegisterEntry
{
    /// <summary>"yyyy-nnnnnn": the year and the copy's number in it.</summary>
    public string Id { get; init; } = "";
    public int Year { get; init; }
    public int Number { get; init; }
    /// <summary>Số, ký hiệu as the stamp shows it: "03/SY".</summary>
    public string Notation { get; init; } = "";
    public string Form { get; init; } = "";
    public string RequestId { get; init; } = "";
    public string DocumentId { get; init; } = "";
    public string OrganId { get; init; } = "";
    public string OrganName { get; init; } = "";
    public string? Pages { get; init; }
    /// <summary>How many pages the copy has, as the verification page tells whoever holds one.</summary>
    public int PageCount { get; init; }
    public string RequestedBy { get; init; } = "";
    public string ApprovedBy { get; init; } = "";
    public string Recipient { get; init; } = "";
    public string MadeBy { get; init; } = "";
    /// <summary>The signing time the stamp shows.</summary>
    public DateTimeOffset SignedAt { get; init; }
    /// <summary>Of the signed copy, lowercase hex; also the blob that keeps it.</summary>
    public string Sha256 { get; init; } = "";
    public long Length { get; init; }
    public string VerificationCode { get; init; } = "";
    /// <summary>For a SAO LỤC: the register entry of the SAO Y it copies.</summary>
    public string? SourceCopyId { get; init; }
    /// <summary>
    /// The validation report (JSON) of the original's signatures, as the archive made it on receiving the document: what the
    /// copy certifies it was copied from. Null for a document that came without one.
    /// </summary>
    public string? SourceSignatureReport { get; init; }

    public CopyForm CopyForm => CopyForm.Parse(Form);

    public static string IdOf(int year, int number) => $"{year:D4}-{number:D6}";
}
