using Archive.Core.Catalog;

namespace Archive.Core.Application;

/// <summary>A dossier with the documents filed in it, in their order.</summary>
public sealed record DossierDetails(Dossier Dossier, IReadOnlyList<ArchivedDocument> Documents);
