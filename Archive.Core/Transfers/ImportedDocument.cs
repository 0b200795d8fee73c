using Archive.Core.Catalog;
using Archive.Core.Preservation;

namespace Archive.Core.Transfers;

/// <summary>
/// A document read from a transfer package: its id in the sending archive (kept, so its history still names it), TT 02 metadata,
/// the files of its original, PDF/A copy and text for search, the signature report made again on arrival, and its history.
/// </summary>
/// <param name="ReceivedAs">The id of the item it arrived as in the sending archive, which its first events name.</param>
public sealed record ImportedDocument(string Id, Tt02Metadata Metadata, string OriginalFile, string OriginalName, string OriginalFormat,
    string? PdfAFile, string? TextFile, string? SignatureReport, string? ReceivedAs, IReadOnlyList<PreservationEvent> Events);
