using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Ingest.Formats;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// One file on its way through the pipeline: what each stage learned, and every reason it must be
/// returned. Stages read and add to it; the pipeline decides from it.
/// </summary>
public sealed class IngestDocument(string path, string sourceName, Tt02Metadata metadata, string? dossierCode)
{
    public string Path { get; } = path;
    public string SourceName { get; } = sourceName;
    public Tt02Metadata Metadata { get; set; } = metadata;
    public string? DossierCode { get; set; } = dossierCode;
    public FormatIdentification? Format { get; set; }
    /// <summary>A PDF's structure as the safety check read it; the converter reuses it.</summary>
    public Conversion.PdfStructure? PdfStructure { get; set; }
    public string? SenderOrganId { get; set; }
    public string? SenderOrganName { get; set; }
    public string? Priority { get; set; }
    public string? ExchangeId { get; set; }
    /// <summary>Received from another agency (an edXML envelope): the agency signature policy applies.</summary>
    public bool FromOtherAgency { get; set; }
    /// <summary>The signature verdict (an ETSI indication, or NO_SIGNATURE), when signatures were checked.</summary>
    public string? Indication { get; set; }
    public string? SignatureReport { get; set; }
    /// <summary>The envelope or package it came in, already stored; null for a file received bare.</summary>
    public Archive.Core.Storage.StoredBlob? Container { get; set; }
    public List<string> Reasons { get; } = [];

    /// <summary>Where fields not given with the file came from (tag → source, in Vietnamese): the edXML header, the document.</summary>
    public Dictionary<string, string> MetadataSources { get; } = new(StringComparer.Ordinal);
    public InboxItem? InboxItem { get; set; }
    public ArchivedDocument? Document { get; set; }
    public ArrivalEntry? Arrival { get; set; }

    public bool Rejected => Reasons.Count > 0;
}
