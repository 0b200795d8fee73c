namespace Archive.Core.Registry;

/// <summary>One line of the incoming register (sổ đăng ký văn bản đến, NĐ 30 Phụ lục VI) as it is shown and exported.</summary>
public sealed record IncomingRegisterLine(int Number, DateTimeOffset ArrivalDate, string? Priority, string? Notation, DateOnly? IssuedDate,
    string OrganName, string TypeName, string? Subject, string Dossier, string DocumentId);
