using Archive.Core.Catalog;

namespace Archive.Ingest.Pipeline;

/// <summary>One received file handed to a batch: where it is, the metadata given with it, and the dossier to file it into.</summary>
public sealed record IngestRequest(string Path, Tt02Metadata Metadata, string? DossierCode);
