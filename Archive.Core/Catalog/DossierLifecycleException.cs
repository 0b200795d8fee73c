namespace Archive.Core.Catalog;

/// <summary>An operation the dossier's current status does not allow (message in Vietnamese).</summary>
public sealed class DossierLifecycleException : Exception
{
    public DossierLifecycleException(DossierCode fileCode, DossierStatus status, string message)
        : base(message)
    {
        FileCode = fileCode;
        Status = status;
    }

    public DossierCode FileCode { get; }

    /// <summary>The dossier's status when the operation was refused.</summary>
    public DossierStatus Status { get; }
}
