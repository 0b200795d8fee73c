using Archive.Core.Catalog;

namespace Archive.Core.Indexing;

/// <summary>
/// What the index receives for one archived document: its catalog record, the text extracted
/// from it, and the dossier facts a search filters and counts by.
/// </summary>
public sealed record IndexedDocument
{
    public required ArchivedDocument Document { get; init; }

    /// <summary>The document's extracted full text; empty when only its metadata is known.</summary>
    public string FullText { get; init; } = "";

    /// <summary>Thời hạn bảo quản of the dossier the document is filed in.</summary>
    public required RetentionPeriod Retention { get; init; }

    /// <summary>Tiêu đề hồ sơ.</summary>
    public required string DossierTitle { get; init; }

    /// <summary>Người ký, when known (from the signature report or the register); null otherwise.</summary>
    public string? Signer { get; init; }
}
