namespace Archive.Ingest.Signatures;

/// <summary>What later incremental updates did to a signed revision (DESIGN.md 4 step 3).</summary>
public enum ModificationLevel
{
    None,
    Allowed,
    Disallowed,
}
