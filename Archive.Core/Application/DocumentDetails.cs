using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;

namespace Archive.Core.Application;

/// <summary>
/// A document as its page shows it: its TT 02 record and dossier, whether its PDF/A copy exists, the signature report it was
/// received with (JSON, when it came through the inbox), its preservation history (PREMIS) and its audit trail.
/// </summary>
public sealed record DocumentDetails(ArchivedDocument Document, Dossier Dossier, bool HasPdfA, string? SignatureReport,
    IReadOnlyList<PreservationEvent> History, IReadOnlyList<AuditEntry> AuditTrail);
