namespace Archive.Ingest.Signatures;

/// <summary>A named rule checked over the whole file; a failed mandatory rule makes the file TOTAL_FAILED.</summary>
public sealed record RuleResult(string Id, bool Passed, bool Mandatory, string Message)
{
    public const string NoModificationAfterSigning = "no-modification-after-signing";
    public const string TwoSignatures = "two-signatures";
    public const string SigningDateEqualsIssueDate = "signing-date-equals-issue-date";
    public const string OrganisationSignaturePosition = "organisation-signature-position";
}
