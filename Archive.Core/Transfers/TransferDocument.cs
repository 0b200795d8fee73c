using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Storage;

namespace Archive.Core.Transfers;

/// <summary>
/// What a transfer package carries of one document: its TT 02 metadata, the original as received, the PDF/A preservation copy
/// when there is one, the signature validation report made at ingest, and its preservation history; and the text extracted for
/// search (so the receiving archive finds it as the sender did, OCR included).
/// </summary>
public sealed record TransferDocument(
    ArchivedDocument Document,
    StoredContent Original,
    string OriginalName,
    StoredContent? PdfA,
    string? SignatureReport,
    IReadOnlyList<PreservationEvent> Events,
    StoredContent? Text);
