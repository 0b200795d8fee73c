using System.Xml;
using Archive.Ingest.PdfSyntax;
using Archive.Ingest.Signatures;
using UglyToad.PdfPig;
using UglyToad.PdfPig.CrossReference;
using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Puts the TT 02 metadata into a converter's PDF/A: the converter's XMP packet merged with ours
/// (its "Untitled" dc:title replaced, nothing twice) and the Info dictionary made to agree with it.
/// Both are redefined in an incremental update, in-process, so nothing else in the file changes.
/// The converter's output is read by PdfPig, independent of the converter, for verification too.
/// </summary>
public sealed class Tt02XmpWriter
{
    /// <summary>Info entries XMP now says: PDF/A wants the two to agree, and an empty /Author beside our dc:creator would not.</summary>
    private static readonly string[] SaidByXmp = ["Title", "Author", "Subject", "Keywords"];

    /// <param name="tool">The converter that wrote <paramref name="pdf"/>, named when it wrote no XMP.</param>
    /// <returns>The file's structure (the update changes no page, font or output intent) and the packet written.</returns>
    public async Task<(PdfStructure Structure, XmpPacket Xmp)> WriteAsync(string pdf, Tt02Xmp metadata, string tool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var (update, trailer, structure, xmp) = Plan(pdf, metadata, tool);
        await using (var file = new FileStream(pdf, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            update.AppendTo(file, trailer);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        return (structure, xmp);
    }

    private static (PdfIncrementalUpdate Update, TrailerDictionary Trailer, PdfStructure Structure, XmpPacket Xmp) Plan(string pdf, Tt02Xmp metadata,
        string tool)
    {
        try
        {
            // Closed here, before the file is opened for the update.
            using var input = new FileStream(pdf, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var document = Parsing.Open(input);
            var structure = document.Structure;
            if (!structure.Catalog.CatalogDictionary.Data.TryGetValue(NameToken.Metadata.Data, out var token) ||
                token is not IndirectReferenceToken { Data.Generation: 0 } reference ||
                structure.GetObject(reference.Data).Data is not StreamToken stream)
                throw new ConversionException(ConversionFailure.InvalidOutput, tool, $"Công cụ {tool} không ghi siêu dữ liệu XMP vào tệp PDF/A.");

            var xmp = XmpPacket.Parse(stream.Decode(structure.FilterProvider, structure.TokenScanner).ToArray()).With(metadata);
            var update = new PdfIncrementalUpdate();
            // Unfiltered, as PDF/A wants its metadata stream.
            update.SetStream(reference.Data.ObjectNumber, "/Type /Metadata /Subtype /XML", xmp.ToBytes());
            var trailer = structure.Trailer;
            if (trailer.Info is IndirectReferenceToken { Data.Generation: 0 } info && structure.GetObject(info.Data).Data is DictionaryToken entries)
                update.Set(info.Data.ObjectNumber, InfoAgreeingWith(entries, metadata.PdfCreationDate));
            return (update, trailer, PdfStructure.Of(document), xmp);
        }
        catch (Exception e) when (Parsing.IsPdfFailure(e) || e is XmlException)
        {
            throw new ConversionException(ConversionFailure.InvalidOutput, tool,
                $"Không đọc được siêu dữ liệu XMP của tệp PDF/A do {tool} tạo ra: {e.Message}", inner: e);
        }
    }

    /// <summary>
    /// The Info dictionary without what XMP now says; <paramref name="creationDate"/>, a PDF date, as /CreationDate so
    /// that it agrees with the packet's xmp:CreateDate.
    /// </summary>
    private static string InfoAgreeingWith(DictionaryToken info, string? creationDate)
    {
        var kept = info.Data.Where(e => !SaidByXmp.Contains(e.Key) && !(creationDate is not null && e.Key == "CreationDate"))
            .Select(e => PdfObjectWriter.Name(e.Key) + " " + PdfObjectWriter.Write(e.Value));
        if (creationDate is not null) kept = kept.Append("/CreationDate (" + creationDate + ")");
        return "<< " + string.Join(' ', kept) + " >>";
    }
}
