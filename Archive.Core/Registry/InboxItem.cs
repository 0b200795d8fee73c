namespace Archive.Core.Registry;

/// <summary>
/// A document as received, before it is filed: its original bytes are already stored (nothing
/// received is ever dropped), with what the checks found and, when rejected, the notice for the sender.
/// </summary>
public sealed record InboxItem
{
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The file name as the sender gave it, reduced to a bare name.</summary>
    public string SourceName { get; init; } = "";
    /// <summary>SHA-256 of the original bytes, the key to the blob store.</summary>
    public string Digest { get; init; } = "";
    /// <summary>SHA-256 of the edXML envelope or ZIP package the file came in, stored as received beside it; null for a bare file.</summary>
    public string? ContainerDigest { get; init; }
    public long Length { get; init; }
    public string Format { get; init; } = "";
    public string? SenderOrganId { get; init; }
    /// <summary>The sender's document identifier in the exchange (edXML DocumentId), which a recall names.</summary>
    public string? ExchangeId { get; init; }
    /// <summary>When the sender recalled the document (thu hồi), and what it said; the item and its document stay, marked.</summary>
    public DateTimeOffset? RecalledAt { get; init; }
    public string? RecallNote { get; init; }
    /// <summary>The receiving agency (the receiving officer's, or the target dossier's), for the statistics of Điều 17.</summary>
    public string? ReceivedFor { get; init; }
    public string? SenderOrganName { get; init; }
    /// <summary>Độ khẩn; "Khẩn", "Thượng khẩn" and "Hỏa tốc" are presented at once (same-day rule).</summary>
    public string? Priority { get; init; }
    public bool Urgent { get; init; }
    /// <summary>The metadata given with the document (TT 02 tags), as JSON.</summary>
    public string MetadataJson { get; init; } = "{}";
    public InboxStatus Status { get; init; } = InboxStatus.Pending;
    /// <summary>Each failed check, named, in Vietnamese.</summary>
    public List<string> Reasons { get; init; } = [];
    /// <summary>The signature validation report (JSON), when one was made.</summary>
    public string? SignatureReport { get; init; }
    /// <summary>The dossier the sender or the officer named at intake: a pending item with one is filed on resume.</summary>
    public string? TargetDossier { get; init; }
    public string? DocumentId { get; init; }
    /// <summary>Accepted and filed, its PDF/A copy not yet made nor its failure recorded: what a stopped run leaves to the next.</summary>
    public bool AwaitingPreservation { get; init; }
    public string? ArrivalId { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    /// <summary>The notice for the sender when the document is returned (Điều 10).</summary>
    public string? SenderNotice { get; init; }
}
