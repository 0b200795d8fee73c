namespace Archive.Ingest.Signatures;

/// <summary>
/// A file's signature report as JSON (the line of `archive verify --json`,
/// and what the inbox keeps), field for field as DESIGN.md 4 specifies.
/// </summary>
public sealed record SignatureReportJson(string File, string Sha256, string Indication,
    IReadOnlyList<SignatureReportJson.Signature> Signatures, IReadOnlyList<SignatureReportJson.Rule> Rules,
    IReadOnlyList<string> Messages)
{
    public sealed record Signature(string Field, string Indication, string? SubIndication, Signer? Signer, string Kind,
        string? SigningTime, string TimeSource, bool CoversWholeDocument, string ModificationsAfter, IReadOnlyList<string> Messages);

    public sealed record Signer(string Subject, string Issuer, string Serial);

    public sealed record Rule(string Id, bool Passed, bool Mandatory, string Message);

    public static SignatureReportJson From(FileVerificationReport report, string shownName) => new(
        shownName, report.Sha256, report.Indication.Name,
        report.Signatures.Select(s => new Signature(
            s.Field, s.Indication.Name, s.SubIndication?.Name,
            s.Signer is { } signer ? new Signer(signer.Subject, signer.Issuer, signer.Serial) : null,
            s.Kind.ToString().ToLowerInvariant(),
            s.SigningTime?.ToOffset(AgencyRules.VietnamOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            s.TimeSource.ToString().ToLowerInvariant(), s.CoversWholeDocument, s.ModificationsAfter.ToString().ToLowerInvariant(),
            [.. s.Messages, .. s.Changes])).ToList(),
        report.Rules.Select(r => new Rule(r.Id, r.Passed, r.Mandatory, r.Message)).ToList(),
        report.Messages);
}
