using System.Text;
using System.Text.RegularExpressions;
using Archive.Ingest.Conversion;
using Archive.Ingest.Formats;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// What an archive must not take in as a record: an encrypted PDF (it cannot be read in 50 years
/// without its password), and a PDF carrying JavaScript, launch actions or embedded files. qpdf
/// rewrites the file with object streams expanded, so nothing hides in a compressed object stream.
/// </summary>
public sealed partial class PdfSafetyCheck(ToolRunner tools, string qpdf, TimeSpan timeout) : IIngestCheck
{
    private const int Chunk = 1 << 20;

    public string Name => "an toàn PDF";

    public async Task CheckAsync(IngestDocument document, CancellationToken cancellationToken)
    {
        if (document.Format?.Format != FileFormat.Pdf) return;
        var encrypted = await tools.RunAsync(new ToolInvocation("qpdf", qpdf, ["--is-encrypted", document.Path], timeout), cancellationToken)
            .ConfigureAwait(false);
        if (encrypted.ExitCode == 0)
        {
            document.Reasons.Add("Tệp PDF được mã hóa (đặt mật khẩu): không lưu trữ được lâu dài; đề nghị gửi bản không mã hóa.");
            return;
        }
        var expanded = Path.Combine(Path.GetTempPath(), $"archive-safety-{Guid.NewGuid():N}.pdf");
        try
        {
            var rewrite = await tools.RunAsync(new ToolInvocation("qpdf", qpdf,
                ["--qdf", "--object-streams=disable", document.Path, expanded], timeout), cancellationToken).ConfigureAwait(false);
            if (rewrite.ExitCode is not (0 or 3) || !File.Exists(expanded))
            {
                document.Reasons.Add($"Tệp PDF hỏng: qpdf không đọc được cấu trúc (mã thoát {rewrite.ExitCode}).");
                return;
            }
            var found = await FindAsync(expanded, cancellationToken).ConfigureAwait(false);
            if (found.Contains("JavaScript") || found.Contains("JS"))
                document.Reasons.Add("Tệp PDF chứa mã JavaScript: có thể chạy mã khi mở, không được lưu trữ.");
            if (found.Contains("Launch"))
                document.Reasons.Add("Tệp PDF chứa lệnh chạy chương trình (/Launch), không được lưu trữ.");
            if (found.Contains("EmbeddedFile") || found.Contains("EmbeddedFiles") || found.Contains("RichMedia"))
                document.Reasons.Add("Tệp PDF có tệp nhúng bên trong (có thể là chương trình chạy được); đề nghị gửi các tệp riêng.");
        }
        finally
        {
            File.Delete(expanded);
        }
    }

    /// <summary>The dangerous names present in the file, read in bounded chunks (any size of file).</summary>
    private static async Task<HashSet<string>> FindAsync(string path, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, Chunk, FileOptions.SequentialScan);
        var buffer = new byte[Chunk + 64];
        var carried = 0;
        int read;
        while ((read = await file.ReadAsync(buffer.AsMemory(carried, Chunk), cancellationToken).ConfigureAwait(false)) > 0)
        {
            var total = carried + read;
            foreach (Match match in DangerousName().Matches(Encoding.Latin1.GetString(buffer, 0, total))) found.Add(match.Groups[1].Value);
            // Keep the tail so a name cut between two chunks is still seen.
            carried = Math.Min(32, total);
            Array.Copy(buffer, total - carried, buffer, 0, carried);
        }
        return found;
    }

    [GeneratedRegex(@"/(JavaScript|JS|Launch|EmbeddedFiles|EmbeddedFile|RichMedia)(?![A-Za-z0-9])")]
    private static partial Regex DangerousName();
}
