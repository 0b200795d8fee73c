namespace Archive.Core.Registry;

/// <summary>
/// One line of the outgoing register (sổ đăng ký văn bản đi, NĐ 30 Phụ lục VI) as it is shown and exported: số, ký hiệu, date,
/// type and subject, signer, recipients with what each reported, urgency, copies sent, the dossier, and a note (recalled).
/// </summary>
public sealed record OutgoingRegisterLine(int Number, string Code, DateOnly? IssuedDate, string TypeName, string Subject, string? Signer,
    string Recipients, string? Priority, int Copies, string Dossier, string? Note, string OutgoingId, string? DocumentId);
