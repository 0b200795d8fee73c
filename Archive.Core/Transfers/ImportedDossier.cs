using Archive.Core.Catalog;

namespace Archive.Core.Transfers;

/// <summary>
/// A dossier read from a transfer package and checked, ready to be filed: its TT 02 metadata as the package gives it, its
/// documents, and where it came from.
/// </summary>
/// <param name="Provenance">The package's External-Identifier and sender, kept with the dossier.</param>
/// <param name="SenderName">The sending agency's name, for the catalog when the agency is not in it yet.</param>
public sealed record ImportedDossier(Tt02Metadata Metadata, IReadOnlyList<ImportedDocument> Documents, string PackageId,
    string Provenance, string SenderName);
