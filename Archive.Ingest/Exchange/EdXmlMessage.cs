using Archive.Core.Catalog;

namespace Archive.Ingest.Exchange;

/// <summary>
/// A document received over the document interconnection axis as an edXML envelope (QCVN 102:2016):
/// its header as TT 02 metadata, who sent it and to whom (the first recipient), its urgency, and its
/// attachments saved to files.
/// </summary>
public sealed record EdXmlMessage(
    string? DocumentId,
    string? FromOrganId,
    string? FromOrganName,
    string? ToOrganId,
    string? ToOrganName,
    string? Priority,
    Tt02Metadata Metadata,
    IReadOnlyList<EdXmlAttachment> Attachments)
{
    /// <summary>SignerInfo/FullName: who signed for the sender.</summary>
    public string? SignerName { get; init; }

    /// <summary>SignerInfo/Position.</summary>
    public string? SignerPosition { get; init; }

    /// <summary>DueDate: when the sender expects an answer.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Content: what the sender wrote beside the subject (a recall's reason).</summary>
    public string? Content { get; init; }

    /// <summary>SteeringType 1: the sender recalls the document <see cref="DocumentId"/> names (thu hồi).</summary>
    public bool IsRecall { get; init; }
}

/// <summary>One decoded attachment, written to <see cref="Path"/> while it was read (never held in memory whole).</summary>
public sealed record EdXmlAttachment(string Name, string? ContentType, string Path, long Length);
