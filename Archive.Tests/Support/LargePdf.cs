using System.Text;

namespace Archive.Tests.Support;

/// <summary>
/// A well-formed one-page PDF made large by one unreferenced stream object of <c>padding</c> bytes.
/// The padding is left as a hole in the file (sparse, zeros when read), so a gigabyte is written at once.
/// </summary>
public static class LargePdf
{
    public static string Write(string path, long padding, string text = "Van ban rat lon")
    {
        var content = $"BT /F1 24 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        void Write(string s) => file.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(file.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        offsets.Add(file.Position);
        Write($"6 0 obj\n<< /Length {padding} >>\nstream\n");
        file.Seek(padding, SeekOrigin.Current);
        Write("\nendstream\nendobj\n");
        var xref = file.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return path;
    }
}
