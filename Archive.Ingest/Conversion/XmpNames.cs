using System.Xml.Linq;

namespace Archive.Ingest.Conversion;

/// <summary>The XMP namespaces the preservation copy uses, with their conventional prefixes.</summary>
internal static class XmpNames
{
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    public static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    public static readonly XNamespace PdfAExtension = "http://www.aiim.org/pdfa/ns/extension/";
    public static readonly XNamespace PdfASchema = "http://www.aiim.org/pdfa/ns/schema#";
    public static readonly XNamespace PdfAProperty = "http://www.aiim.org/pdfa/ns/property#";

    /// <summary>The archive's own schema for the TT 02/2019 document fields.</summary>
    public static readonly XNamespace Tt02 = "http://archive.gov.vn/ns/tt02/1.0/";

    public const string Tt02Prefix = "tt02";
}
