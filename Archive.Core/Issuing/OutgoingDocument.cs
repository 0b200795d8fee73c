using Archive.Core.Catalog;
using Archive.Core.Processing;

namespace Archive.Core.Issuing;

/// <summary>
/// An outgoing document (văn bản đi) from draft to issue (Điều 12, 13; NĐ 30 Điều 15): the draft and every later version kept as
/// blobs, the signer, the number taken in its register (per agency and year, from 01 on 1 January, no gap), the issue date, the
/// document filed into its dossier once numbered and sealed, its recipients with what each reported, and every step in its history.
/// </summary>
public sealed record OutgoingDocument
{
    public string Id { get; init; } = "";

    /// <summary>The issuing agency (mã định danh).</summary>
    public string Agency { get; init; } = "";

    public string OrganName { get; init; } = "";

    public string Register { get; init; } = NewOutgoingDocument.DefaultRegister;

    public string TypeName { get; init; } = "";

    /// <summary>What follows the number in số, ký hiệu: "QĐ-UBND", "UBND-VP".</summary>
    public string Notation { get; init; } = "";

    public string Subject { get; init; } = "";

    public string? Priority { get; init; }

    public DateOnly? DueDate { get; init; }

    public int? PageAmount { get; init; }

    /// <summary>The dossier it is filed into once numbered.</summary>
    public string DossierCode { get; init; } = "";

    public string Drafter { get; init; } = "";

    /// <summary>The leader it is presented to for signing (a login).</summary>
    public string? Signer { get; init; }

    /// <summary>Who signed, as the personal signature's certificate names them.</summary>
    public string? SignerName { get; init; }

    public DateTimeOffset? SignedAt { get; init; }

    public ValueList<OutgoingRecipient> Recipients { get; init; } = ValueList<OutgoingRecipient>.Empty;

    public OutgoingStatus Status { get; init; }

    /// <summary>Issued on paper only (signed by hand): it takes its number from the same register, and has no file here.</summary>
    public bool OnPaper { get; init; }

    /// <summary>The SHA-256 of the current draft; earlier drafts stay in the blob store, named in the history.</summary>
    public string DraftDigest { get; init; } = "";

    /// <summary>The file with the personal signature.</summary>
    public string? SignedDigest { get; init; }

    public int? Year { get; init; }

    public int? Number { get; init; }

    public DateOnly? IssueDate { get; init; }

    /// <summary>The document filed into the dossier: the signed file with its number and the organisation signature.</summary>
    public string? DocumentId { get; init; }

    /// <summary>The document identifier of the exchange (QCVN 102: "OrganId,yyyy/mm/dd,Số/KH"), once issued.</summary>
    public string? ExchangeId { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public ValueList<TaskEntry> History { get; init; } = ValueList<TaskEntry>.Empty;

    /// <summary>Số, ký hiệu: "05/QĐ-UBND", once numbered.</summary>
    public string? Code => Number is { } n ? $"{n:00}/{Notation}" : null;

    /// <summary>Where the document's versions are kept in the blob store, by this role and the document's id.</summary>
    public const string DraftRole = "outgoing-draft";

    public const string SignedRole = "outgoing-signed";
}
