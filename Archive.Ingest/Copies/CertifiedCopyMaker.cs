using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Ingest.Copies;

/// <summary>
/// Makes a certified copy: the stamped PDF/A-2b (<see cref="CopyDocumentBuilder"/>), then the organisation's PAdES signature
/// as an incremental update, its widget over the stamp and its signing time the one the stamp shows.
/// </summary>
/// <param name="timestampAuthority">When the agency has one, the signature is PAdES B-T; otherwise B-B.</param>
public sealed class CertifiedCopyMaker(CopyDocumentBuilder builder, ITimestampAuthority? timestampAuthority, ILogger log)
{
    /// <param name="pages">The pages of a TRÍCH SAO; null for the whole document.</param>
    /// <param name="under">For a SAO LỤC, the stamp of the SAO Y that <paramref name="sourcePdf"/> is.</param>
    /// <param name="output">A new file: never one that exists.</param>
    /// <exception cref="InvalidDataException">
    /// The key's certificate is not valid at the stamp's time, or the pages are not there.
    /// </exception>
    /// <returns>The copy's number of pages.</returns>
    public async Task<int> MakeAsync(string sourcePdf, IReadOnlyList<int>? pages, CopyStamp stamp, CopyStamp? under,
        ISigningKey key, string output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(key);
        if (File.Exists(output)) throw new IOException($"Tệp '{output}' đã có; bản sao không ghi đè tệp nào.");
        EnsureValidAt(key, stamp.SignedAt);
        var (pdf, area, pageCount) = await builder.BuildAsync(sourcePdf, pages, stamp, under, cancellationToken).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var unsigned = Path.Combine(folder, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.unsigned");
        try
        {
            await File.WriteAllBytesAsync(unsigned, pdf, cancellationToken).ConfigureAwait(false);
            var placement = SignaturePlacement.OverText(1, area.Left, area.Bottom, area.Right, area.Top);
            await new PadesSigner(new StampClock(stamp.SignedAt), log)
                .SignAsync(unsigned, output, key, placement, timestampAuthority, cancellationToken).ConfigureAwait(false);
            return pageCount;
        }
        finally
        {
            File.Delete(unsigned);
        }
    }

    /// <summary>
    /// A copy signed with a certificate that has expired (or is not yet valid) is not a valid copy: refused before anything is made,
    /// with the dates, so the agency knows to renew it.
    /// </summary>
    private static void EnsureValidAt(ISigningKey key, DateTimeOffset at)
    {
        var certificate = key.Chain[0];
        var subject = certificate.SubjectDN.ToString();
        var local = at.ToOffset(Signatures.AgencyRules.VietnamOffset);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).ToOffset(local.Offset);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero).ToOffset(local.Offset);
        if (at > notAfter)
            throw new InvalidDataException($"Chứng thư số của cơ quan ({subject}) đã hết hạn ngày {notAfter:dd/MM/yyyy}; " +
                                           "không ký bản sao được. Hãy gia hạn chứng thư số.");
        if (at < notBefore)
            throw new InvalidDataException($"Chứng thư số của cơ quan ({subject}) chỉ có hiệu lực từ ngày {notBefore:dd/MM/yyyy}; " +
                                           "không ký bản sao được.");
    }

    /// <summary>The signature's time is the stamp's, to the second: what the page shows is what the signature claims.</summary>
    private sealed class StampClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}
