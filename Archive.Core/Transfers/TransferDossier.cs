using Archive.Core.Catalog;
using Archive.Core.Storage;

namespace Archive.Core.Transfers;

/// <summary>A dossier to hand over, with its documents and the blob store that holds their content.</summary>
public sealed record TransferDossier(Dossier Dossier, IReadOnlyList<TransferDocument> Documents, IBlobStore Blobs);
