namespace Archive.Ingest.Signing;

/// <summary>What the signer added: the field's name, the time written in /M, and whether a TSA stamped it.</summary>
public sealed record SigningResult(string FieldName, DateTimeOffset SigningTime, bool Timestamped, long OriginalLength, long SignedLength);
