namespace Archive.Ingest.Signatures;

/// <summary>
/// A main status indication of ETSI EN 319 102-1 (clause 5.1.3), spelled as there, plus
/// NO_SIGNATURE for a file that carries none (DESIGN.md section 5).
/// </summary>
public sealed record SignatureIndication
{
    public static readonly SignatureIndication TotalPassed = new("TOTAL_PASSED", 0, "HỢP LỆ");
    public static readonly SignatureIndication Indeterminate = new("INDETERMINATE", 1, "CHƯA XÁC ĐỊNH");
    public static readonly SignatureIndication TotalFailed = new("TOTAL_FAILED", 2, "KHÔNG HỢP LỆ");
    public static readonly SignatureIndication NoSignature = new("NO_SIGNATURE", 3, "KHÔNG CÓ CHỮ KÝ SỐ");

    private SignatureIndication(string name, int severity, string vietnamese)
    {
        Name = name;
        Severity = severity;
        Vietnamese = vietnamese;
    }

    public string Name { get; }

    /// <summary>Orders indications from best to worst, so that a file takes the worst of its signatures.</summary>
    public int Severity { get; }

    /// <summary>The verdict as a records officer reads it.</summary>
    public string Vietnamese { get; }

    public static readonly IReadOnlyList<SignatureIndication> All = [TotalPassed, Indeterminate, TotalFailed, NoSignature];

    /// <summary>The indication a stored report names; null for a name this version does not know.</summary>
    public static SignatureIndication? Named(string? name) => All.FirstOrDefault(i => i.Name == name);

    public static SignatureIndication Worst(SignatureIndication a, SignatureIndication b) => a.Severity >= b.Severity ? a : b;

    public override string ToString() => Name;
}
