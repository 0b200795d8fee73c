using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Ingest.Copies;

/// <summary>
/// Makes a certified copy: the stamped PDF/A-2b (<see cref="CopyDocumentBuilder"/>), then the organisation's PAdES signature
/// as an incremental update, its widget over the stamp and its signing time the one the stamp shows.
/// </summary>
public sealed class CertifiedCopyMaker(CopyDocumentBuilder builder, ILogger log)
{
    /// <param name="pages">The pages of a TRÍCH SAO; null for the whole document.</param>
    /// <param name="output">A new file: never one that exists.</param>
    public async Task<SigningResult> MakeAsync(string sourcePdf, IReadOnlyList<int>? pages, CopyStamp stamp, ISigningKey key,
        string output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(key);
        if (File.Exists(output)) throw new IOException($"Tệp '{output}' đã có; bản sao không ghi đè tệp nào.");
        var (pdf, area) = await builder.BuildAsync(sourcePdf, pages, stamp, cancellationToken).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var unsigned = Path.Combine(folder, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.unsigned");
        try
        {
            await File.WriteAllBytesAsync(unsigned, pdf, cancellationToken).ConfigureAwait(false);
            var placement = SignaturePlacement.OverText(1, area.Left, area.Bottom, area.Right, area.Top);
            return await new PadesSigner(new StampClock(stamp.SignedAt), log)
                .SignAsync(unsigned, output, key, placement, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(unsigned);
        }
    }

    /// <summary>The signature's time is the stamp's, to the second: what the page shows is what the signature claims.</summary>
    private sealed class StampClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}
