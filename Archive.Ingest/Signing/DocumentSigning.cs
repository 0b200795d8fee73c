using Archive.Core.Application;
using Serilog;

namespace Archive.Ingest.Signing;

/// <summary>
/// `archive sign`: a PAdES signature added to a PDF as an incremental update, into a new file (the original is never modified).
/// </summary>
public sealed class DocumentSigning(TimeProvider clock, ILogger log)
{
    /// <param name="position">invisible (the default), top-right, or PAGE:LEFT,BOTTOM,RIGHT,TOP in PDF points.</param>
    /// <param name="timestampAuthority">An RFC 3161 time-stamp authority, when the signature should carry a time-stamp.</param>
    public async Task<SigningResult> SignAsync(string input, string output, SigningKeySource key, string? position, Uri? timestampAuthority,
        CancellationToken cancellationToken)
    {
        if (!SignaturePlacement.TryParse(position, out var placement))
            throw new InvalidRequestException("Vị trí chữ ký phải là invisible, top-right hoặc TRANG:TRÁI,DƯỚI,PHẢI,TRÊN.");
        if (!File.Exists(input)) throw new FileNotFoundException($"Không tìm thấy tệp '{input}'.", input);
        if (Path.GetFullPath(input) == Path.GetFullPath(output)) throw new InvalidRequestException("Tệp ký ra phải khác tệp gốc.");
        using var signingKey = key.Open();
        using var http = timestampAuthority is null ? null : new HttpClient();
        var authority = timestampAuthority is null ? null : new HttpTimestampAuthority(http!, timestampAuthority);
        try
        {
            return await new PadesSigner(clock, log).SignAsync(input, output, signingKey, placement, authority, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidRequestException(e.Message);
        }
    }
}
