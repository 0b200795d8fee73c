namespace Archive.Core.Copies;

/// <summary>
/// A request for an electronic copy of an archived document (NĐ 30/2020 Điều 25–26): who asked, for whom and why, and who
/// approved or refused it. The copy itself, once made, is a line of the register of copies.
/// </summary>
public sealed record CopyRequest
{
    /// <summary>"yyyy-nnnnnn": numbered from 1 each year, in the order requests arrive.</summary>
    public string Id { get; init; } = "";
    public int Year { get; init; }
    public int Number { get; init; }
    public string DocumentId { get; init; } = "";
    /// <summary>The document's dossier (mã hồ sơ) and agency, which decide who may see and approve the request.</summary>
    public string FileCode { get; init; } = "";
    public string OrganId { get; init; } = "";
    /// <summary><see cref="CopyForm.Code"/>: SY, SL or TrS.</summary>
    public string Form { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string Recipient { get; init; } = "";
    /// <summary>For TRÍCH SAO: <see cref="PageSelection.Text"/>.</summary>
    public string? Pages { get; init; }
    /// <summary>For SAO LỤC: the request whose SAO Y it is made from.</summary>
    public string? SourceRequestId { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public CopyRequestStatus Status { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? RefusalReason { get; init; }
    /// <summary>The register entry (and its number) reserved when making began: a retry after a failure uses the same.</summary>
    public string? CopyEntryId { get; init; }
    public int? CopyNumber { get; init; }
    public string? VerificationCode { get; init; }

    public CopyForm CopyForm => CopyForm.Parse(Form);

    public static string IdOf(int year, int number) => $"{year:D4}-{number:D6}";
}
