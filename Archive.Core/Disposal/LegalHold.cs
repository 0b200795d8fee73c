namespace Archive.Core.Disposal;

/// <summary>
/// A hold on a dossier (MoReq2010 §9.2): while it lasts, the dossier may not be destroyed, whatever its retention says
/// (an inspection, a complaint, a lawsuit). Lifting it is audited.
/// </summary>
public sealed record LegalHold
{
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N")[..12];

    public string Reason { get; init; } = "";

    public string PlacedBy { get; init; } = "";

    public DateTimeOffset PlacedAt { get; init; }
}
