using System.Globalization;
using System.Text;

namespace WebBench;

/// <summary>
/// A one-page PDF with a few lines of text, written by hand: about 1.5 KB, so that 100,000 documents are seeded in minutes
/// rather than converted by Ghostscript for hours, yet each has real content the document page's viewer can draw.
/// </summary>
internal static class TinyPdf
{
    /// <param name="producer">Written to the document information, so that two copies of the same text differ (the original and
    /// its preservation copy are distinct blobs, as after a real conversion).</param>
    public static byte[] Make(IEnumerable<string> lines, string producer)
    {
        var text = new StringBuilder("BT /F1 11 Tf 14 TL 56 780 Td\n");
        foreach (var line in lines) text.Append('(').Append(Escape(Ascii(line))).Append(") Tj T*\n");
        text.Append("ET\n");
        var stream = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream",
            $"<< /Producer ({Escape(Ascii(producer))}) >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>(objects.Length);
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info {objects.Length} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // Everything above is ASCII, so character offsets are byte offsets.
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>The standard fonts have no Vietnamese letters: the text as typed without diacritics (đ as d).</summary>
    private static string Ascii(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var plain = c switch { 'đ' => 'd', 'Đ' => 'D', _ => c };
            if (plain < 128) folded.Append(plain);
        }
        return folded.ToString();
    }
}
