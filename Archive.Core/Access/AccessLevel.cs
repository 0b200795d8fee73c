namespace Archive.Core.Access;

/// <summary>What a user may do with a dossier and its documents; each level includes the ones below it.</summary>
public enum AccessLevel
{
    None = 0,
    /// <summary>See the dossier, read, download and export its documents, find them in search.</summary>
    Read = 1,
    /// <summary>Also file documents into it.</summary>
    Contribute = 2,
    /// <summary>Also close and reopen it.</summary>
    Manage = 3,
}
