using Archive.Ingest.Copies;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Ingest.Records;

/// <summary>
/// Signs the records the archive writes in the agency's name (biên bản giao nhận, biên bản hủy) with the agency key
/// (Archive:Copies:Key), PAdES, invisible. Without a configured key there is nothing to sign with: the caller says so.
/// </summary>
public sealed class AgencyRecordSigner(CopyIssuingOptions agency, TimeProvider clock, ILogger log)
{
    public const string NoKeyWarning = "chưa được ký số vì chưa cấu hình khoá ký của cơ quan (Archive:Copies:Key)";

    /// <returns>The signed PDF, or null when no agency key is configured.</returns>
    public async Task<byte[]?> SignAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        if (agency.AgencyKey is null) return null;
        var folder = Directory.CreateTempSubdirectory("archive-record-").FullName;
        try
        {
            var input = Path.Combine(folder, "bien-ban.pdf");
            var output = Path.Combine(folder, "bien-ban-ky.pdf");
            await File.WriteAllBytesAsync(input, pdf, cancellationToken).ConfigureAwait(false);
            using (var key = agency.AgencyKey.Open())
                await new PadesSigner(clock, log).SignAsync(input, output, key, SignaturePlacement.Invisible, null, cancellationToken)
                    .ConfigureAwait(false);
            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
