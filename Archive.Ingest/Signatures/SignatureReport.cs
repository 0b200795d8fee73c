namespace Archive.Ingest.Signatures;

/// <summary>The validation result of one signature (DESIGN.md 4 contract).</summary>
public sealed record SignatureReport
{
    public required string Field { get; init; }
    public required SignatureIndication Indication { get; init; }
    public SubIndication? SubIndication { get; init; }
    public SignerIdentity? Signer { get; init; }
    public SignerKind Kind { get; init; }
    public DateTimeOffset? SigningTime { get; init; }
    public TimeSource TimeSource { get; init; }
    public bool CoversWholeDocument { get; init; }
    public ModificationLevel ModificationsAfter { get; init; }

    /// <summary>What changed after this signature, one line per change, for the report.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
    public WidgetPlacement? Widget { get; init; }
    public IReadOnlyList<string> Messages { get; init; } = [];
}
