namespace Archive.Ingest.Conversion;

/// <summary>Why a preservation copy could not be made; each names a different remedy.</summary>
public enum ConversionFailure
{
    /// <summary>A converter is not installed (see scripts/debian-packages.txt).</summary>
    ToolMissing = 1,

    /// <summary>A converter ran past its time limit and was killed.</summary>
    ToolTimedOut = 2,

    /// <summary>A converter exited with an error code or was killed by a signal.</summary>
    ToolFailed = 3,

    /// <summary>The original PDF needs a password to open.</summary>
    EncryptedSource = 4,

    /// <summary>The original is not a readable file of its kind.</summary>
    DamagedSource = 5,

    /// <summary>A converter reported success but its output is not a valid PDF/A-2b.</summary>
    InvalidOutput = 6,
    /// <summary>The conversion's work folder could not be written or read (a full disk, permissions).</summary>
    WorkFolder = 7,
}
