using System.IO.Compression;
using System.Text;

namespace Archive.Ingest.Formats;

/// <summary>
/// Identifies a file by its content (magic bytes, container entries), never by its name alone; a
/// name whose extension says something else, or content the archive does not accept, is a named
/// reason for rejection. Reads a bounded amount of the file, whatever its size.
/// </summary>
public static class FormatIdentifier
{
    private const int HeadBytes = 8192;
    private const int PdfATailBytes = 1 << 20;
    private const int MaxZipEntriesInspected = 10_000;

    private static readonly Dictionary<string, FileFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileFormat.Pdf, [".docx"] = FileFormat.Docx, [".xlsx"] = FileFormat.Xlsx, [".odt"] = FileFormat.Odt,
        [".ods"] = FileFormat.Ods, [".doc"] = FileFormat.Doc, [".xls"] = FileFormat.Xls, [".jpg"] = FileFormat.Jpeg,
        [".jpeg"] = FileFormat.Jpeg, [".png"] = FileFormat.Png, [".tif"] = FileFormat.Tiff, [".tiff"] = FileFormat.Tiff,
        [".xml"] = FileFormat.EdXml, [".edxml"] = FileFormat.EdXml, [".zip"] = FileFormat.Zip,
    };

    public static FormatIdentification Identify(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        return Identify(stream, Path.GetFileName(path));
    }

    /// <param name="content">A seekable stream of the whole file.</param>
    public static FormatIdentification Identify(Stream content, string fileName)
    {
        if (content.Length == 0)
            return new FormatIdentification(FileFormat.Unknown, null, false, null, $"Tệp '{fileName}' rỗng (0 byte).");
        var head = new byte[(int)Math.Min(HeadBytes, content.Length)];
        content.Position = 0;
        content.ReadExactly(head);
        var format = Sniff(head, content);
        var extension = Path.GetExtension(fileName);
        var claimed = Extensions.GetValueOrDefault(extension, FileFormat.Unknown);
        var matches = claimed == format || (format == FileFormat.EdXml && claimed == FileFormat.EdXml);
        var pdfA = format == FileFormat.Pdf ? PdfAClaim(content) : null;
        var version = format == FileFormat.Pdf ? PdfVersion(head) : null;

        // A bomb is named first: whatever else is wrong, this file must not be inflated.
        var problem = (IsZipContainer(format) ? ZipBombProblem(content, fileName, ZipLimits.Default) : null)
                      ?? (format is FileFormat.Unknown
                          ? $"Không nhận dạng được định dạng của tệp '{fileName}' từ nội dung; chỉ nhận PDF, DOC/DOCX/ODT, XLS/XLSX/ODS, JPEG/PNG/TIFF, edXML, ZIP."
                          : matches ? null
                          : extension.Length == 0 ? $"Tệp '{fileName}' không có phần mở rộng; nội dung là {Name(format)}."
                          : $"Phần mở rộng '{extension}' của tệp '{fileName}' không khớp nội dung ({Name(format)}).");
        return new FormatIdentification(format, claimed == FileFormat.Unknown ? null : Name(claimed), matches, pdfA, problem, version);
    }

    private static bool IsZipContainer(FileFormat format) =>
        format is FileFormat.Zip or FileFormat.Docx or FileFormat.Xlsx or FileFormat.Odt or FileFormat.Ods;

    /// <summary>
    /// A compression bomb, judged from the central directory alone (sizes as declared, nothing inflated):
    /// too many entries, too much in total, or an entry that inflates far more than documents do.
    /// Extraction still counts what it writes, since declared sizes can lie.
    /// </summary>
    public static string? ZipBombProblem(Stream content, string fileName, ZipLimits limits)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries)
                return $"Tệp nén '{fileName}' có {zip.Entries.Count} mục, quá giới hạn {limits.MaxEntries}: nghi là bom nén (zip bomb).";
            var total = zip.Entries.Sum(e => e.Length);
            if (total > limits.MaxTotalBytes)
                return $"Tệp nén '{fileName}' giải nén ra {total} byte, quá giới hạn {limits.MaxTotalBytes} byte: nghi là bom nén (zip bomb).";
            if (zip.Entries.FirstOrDefault(e => e.Length >= limits.RatioCheckedFrom && e.Length > limits.MaxRatio * Math.Max(1, e.CompressedLength))
                is { } bomb)
                return $"Mục '{bomb.FullName}' của tệp nén '{fileName}' nén với tỉ lệ {bomb.Length / Math.Max(1, bomb.CompressedLength)}:1 " +
                       $"(giới hạn {limits.MaxRatio}:1): bom nén (zip bomb), không giải nén.";
            return null;
        }
        catch (InvalidDataException)
        {
            return $"Tệp nén '{fileName}' hỏng, không đọc được danh mục các tệp bên trong.";
        }
    }

    public static string Name(FileFormat format) => format switch
    {
        FileFormat.Pdf => "PDF", FileFormat.Docx => "DOCX", FileFormat.Xlsx => "XLSX", FileFormat.Odt => "ODT", FileFormat.Ods => "ODS",
        FileFormat.Doc => "DOC", FileFormat.Xls => "XLS", FileFormat.Jpeg => "JPEG", FileFormat.Png => "PNG", FileFormat.Tiff => "TIFF",
        FileFormat.EdXml => "edXML", FileFormat.Zip => "ZIP", _ => "không rõ",
    };

    private static FileFormat Sniff(ReadOnlySpan<byte> head, Stream content)
    {
        if (head.StartsWith("%PDF-"u8)) return FileFormat.Pdf;
        // A magic number at offset 0 wins over a "%PDF-" further in: a ZIP whose first entry is a PDF stored uncompressed is a ZIP.
        if (head.StartsWith(JpegMagic)) return FileFormat.Jpeg;
        if (head.StartsWith(PngMagic)) return FileFormat.Png;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return FileFormat.Tiff;
        if (head.StartsWith(OleMagic)) return OleKind(content);
        if (head.StartsWith("PK\u0003\u0004"u8)) return ZipKind(content);
        if (LooksLikeEdXml(head)) return FileFormat.EdXml;
        // PDF: the header may follow up to 1024 bytes of junk (ISO 32000-1 §7.5.2 readers tolerate it).
        return head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0 ? FileFormat.Pdf : FileFormat.Unknown;
    }

    /// <summary>OLE2 compound files: Word and Excel name their main stream; look for it in the directory.</summary>
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static FileFormat OleKind(Stream content)
    {
        var sample = new byte[(int)Math.Min(content.Length, 1 << 20)];
        content.Position = 0;
        content.ReadExactly(sample);
        if (sample.AsSpan().IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0) return FileFormat.Doc;
        if (sample.AsSpan().IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0) return FileFormat.Xls;
        return FileFormat.Unknown;
    }

    /// <summary>OOXML and ODF are ZIP containers told apart by their entries; anything else is a plain ZIP.</summary>
    private static FileFormat ZipKind(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntriesInspected) return FileFormat.Zip;
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("word/document.xml")) return FileFormat.Docx;
            if (names.Contains("xl/workbook.xml")) return FileFormat.Xlsx;
            if (zip.GetEntry("mimetype") is { Length: < 256 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd().Trim();
                if (type == "application/vnd.oasis.opendocument.text") return FileFormat.Odt;
                if (type == "application/vnd.oasis.opendocument.spreadsheet") return FileFormat.Ods;
            }
            return FileFormat.Zip;
        }
        catch (InvalidDataException)
        {
            return FileFormat.Unknown;
        }
    }

    private static bool LooksLikeEdXml(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        return text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith('<') && text.Contains("edXMLEnvelope", StringComparison.Ordinal);
    }

    /// <summary>The version the PDF header declares ("%PDF-1.7" gives "1.7"); null when it is not in the usual form.</summary>
    private static string? PdfVersion(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("%PDF-"u8);
        if (at < 0 || head.Length < at + 8) return null;
        var version = head.Slice(at + 5, 3);
        return char.IsAsciiDigit((char)version[0]) && version[1] == '.' && char.IsAsciiDigit((char)version[2])
            ? Encoding.ASCII.GetString(version) : null;
    }

    /// <summary>The pdfaid part and conformance a PDF's XMP claims (read from its last megabyte), e.g. "2B"; null when none.</summary>
    private static string? PdfAClaim(Stream content)
    {
        var length = (int)Math.Min(content.Length, PdfATailBytes);
        var tail = new byte[length];
        content.Position = content.Length - length;
        content.ReadExactly(tail);
        var text = Encoding.Latin1.GetString(tail);
        var part = Attribute(text, "pdfaid:part");
        return part is null ? null : part + (Attribute(text, "pdfaid:conformance") ?? "");
    }

    private static string? Attribute(string xmp, string name)
    {
        var at = xmp.LastIndexOf(name, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = xmp.AsSpan(at + name.Length).TrimStart();
        // Either name="2" (attribute) or <pdfaid:part>2</pdfaid:part> (element).
        if (rest.StartsWith("=")) rest = rest[1..].TrimStart().TrimStart("\"'");
        else if (rest.StartsWith(">")) rest = rest[1..];
        else return null;
        var end = rest.IndexOfAny("\"'<");
        return end <= 0 ? null : rest[..end].Trim().ToString();
    }
}
