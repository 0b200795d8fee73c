namespace Archive.Core.Preservation;

/// <summary>Event types of the PREMIS controlled vocabulary (id.loc.gov/vocabulary/preservation/eventType) we record.</summary>
public static class PremisEventType
{
    public const string FixityCheck = "fixity check";
    public const string Replication = "replication";
    public const string Recovery = "recovery";
    public const string Ingestion = "ingestion";
    public const string FormatIdentification = "format identification";
    public const string Validation = "validation";
    public const string Migration = "migration";

    public const string Success = "success";
    public const string Failure = "failure";
}
