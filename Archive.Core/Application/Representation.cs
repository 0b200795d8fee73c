namespace Archive.Core.Application;

/// <summary>Which stored representation of a document to read.</summary>
public enum Representation
{
    Original,
    PdfA,
    MetadataXml,
}
