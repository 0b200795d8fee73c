namespace Archive.Ingest.Conversion;

/// <summary>
/// Puts the TT 02 metadata into a converter's PDF/A: the converter's XMP packet merged with ours
/// (its "Untitled" dc:title replaced, nothing twice) and the Info dictionary made to agree with it,
/// through qpdf so that nothing else in the file changes.
/// </summary>
public sealed class Tt02XmpWriter(Qpdf qpdf)
{
    /// <param name="tool">The converter that wrote <paramref name="pdf"/>, named when it wrote no XMP.</param>
    /// <returns>The file's structure (the XMP write changes no page, font or output intent) and the packet written.</returns>
    public async Task<(PdfStructure Structure, XmpPacket Xmp)> WriteAsync(string pdf, Tt02Xmp metadata, string tool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var structure = await qpdf.InspectAsync(pdf, cancellationToken).ConfigureAwait(false);
        if (structure.MetadataObject is not { } number)
            throw new ConversionException(ConversionFailure.InvalidOutput, tool, $"Công cụ {tool} không ghi siêu dữ liệu XMP vào tệp PDF/A.");
        var shown = await qpdf.ObjectsAsync(pdf, structure.InfoObject is { } i ? [number, i] : [number], cancellationToken).ConfigureAwait(false);
        var xmp = XmpPacket.Parse(Qpdf.StreamData(shown[number], number)).With(metadata);
        var info = structure.InfoObject is { } infoNumber ? (infoNumber, shown[infoNumber]) : ((int, System.Text.Json.JsonElement)?)null;
        await qpdf.ReplaceXmpAsync(pdf, number, info, xmp, metadata.PdfCreationDate, cancellationToken).ConfigureAwait(false);
        return (structure, xmp);
    }
}
