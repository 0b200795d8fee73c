using Archive.Ingest.Formats;
using Archive.Ingest.Signatures;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// Integrity and authenticity (Điều 10): every signature of the PDF, or of the detached FILE.p7s, is
/// validated. A failed signature or rule returns the document; under the agency policy, which applies
/// to documents from other agencies, an undetermined or missing signature returns it too.
/// </summary>
/// <param name="describe">The report as stored with the document (the `archive verify --json` line).</param>
public sealed class SignatureCheck(DocumentVerifier basic, DocumentVerifier agency, bool agencyForEverything,
    Func<FileVerificationReport, string, string> describe) : IIngestCheck
{
    public string Name => "chữ ký số";

    public string Passed(IngestDocument document) =>
        $"kết luận {document.Indication}" + (document.FromOtherAgency || agencyForEverything ? " (chính sách agency)." : " (chính sách basic).");

    public async Task CheckAsync(IngestDocument document, CancellationToken cancellationToken)
    {
        var strict = agencyForEverything || document.FromOtherAgency;
        if (document.Format?.Format != FileFormat.Pdf && !File.Exists(document.Path + ".p7s"))
        {
            document.Indication = SignatureIndication.NoSignature.Name;
            if (strict) document.Reasons.Add("Chữ ký số: văn bản của cơ quan khác phải có chữ ký số hợp lệ, văn bản này không có.");
            return;
        }
        var report = await (strict ? agency : basic).VerifyAsync(document.Path, cancellationToken).ConfigureAwait(false);
        document.Indication = report.Indication.Name;
        document.SignatureReport = describe(report, document.SourceName);
        if (report.Indication == SignatureIndication.TotalPassed) return;
        if (report.Indication == SignatureIndication.NoSignature)
        {
            if (strict) document.Reasons.Add("Chữ ký số: văn bản của cơ quan khác phải có chữ ký số hợp lệ, văn bản này không có.");
            return;
        }
        if (report.Indication == SignatureIndication.Indeterminate && !strict) return; // recorded with the document
        foreach (var signature in report.Signatures.Where(s => s.Indication != SignatureIndication.TotalPassed))
            document.Reasons.Add($"Chữ ký số {signature.Field} {signature.Indication.Vietnamese} ({signature.Indication.Name}" +
                                 (signature.SubIndication is { } sub ? $"/{sub.Name}" : "") + ")" +
                                 (signature.Messages.Count > 0 ? ": " + string.Join("; ", signature.Messages) : "") +
                                 (signature.Changes.Count > 0 ? "; sửa đổi sau khi ký: " + string.Join("; ", signature.Changes) : ""));
        foreach (var rule in report.Rules.Where(r => r is { Passed: false, Mandatory: true }))
            document.Reasons.Add($"Quy tắc {rule.Id}: {rule.Message}");
        document.Reasons.AddRange(report.Messages.Select(m => $"Chữ ký số: {m}"));
        if (!document.Rejected) document.Reasons.Add($"Chữ ký số: {report.Indication.Vietnamese} ({report.Indication.Name}).");
    }
}
