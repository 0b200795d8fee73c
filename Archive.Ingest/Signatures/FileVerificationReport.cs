namespace Archive.Ingest.Signatures;

/// <summary>The verdict on one file: the worst of its signatures and of its failed mandatory rules.</summary>
public sealed record FileVerificationReport
{
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    public required SignatureIndication Indication { get; init; }
    public IReadOnlyList<SignatureReport> Signatures { get; init; } = [];
    public IReadOnlyList<RuleResult> Rules { get; init; } = [];

    /// <summary>Problems with the file itself (not readable as PDF, no companion signature, …).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    public static SignatureIndication Combine(IEnumerable<SignatureReport> signatures, IEnumerable<RuleResult> rules)
    {
        var worst = SignatureIndication.TotalPassed;
        foreach (var s in signatures) worst = SignatureIndication.Worst(worst, s.Indication);
        if (rules.Any(r => r.Mandatory && !r.Passed)) worst = SignatureIndication.Worst(worst, SignatureIndication.TotalFailed);
        return worst;
    }
}
