namespace Archive.Ingest.Conversion;

/// <summary>The checks a preservation copy passed or failed; each problem is one Vietnamese sentence.</summary>
public sealed record PdfAVerification(IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public override string ToString() => IsValid ? "PDF/A-2b hợp lệ" : string.Join(" ", Problems);
}
