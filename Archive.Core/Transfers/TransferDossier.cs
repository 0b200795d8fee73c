using Archive.Core.Catalog;
using Archive.Core.Storage;

namespace Archive.Core.Transfers;

/// <summary>
/// A dossier an archivist may hand over, as <see cref="Application.TransferService.Prepare"/> found it after checking: its
/// documents are read one dossier at a time (<see cref="Application.TransferService.Documents"/>), never all at once.
/// </summary>
public sealed record TransferDossier
{
    internal TransferDossier(Dossier dossier, ArchiveStore source)
    {
        Dossier = dossier;
        Source = source;
    }

    public Dossier Dossier { get; }

    /// <summary>The blob store that holds the dossier's content.</summary>
    public IBlobStore Blobs => Source.Blobs;

    internal ArchiveStore Source { get; }
}
