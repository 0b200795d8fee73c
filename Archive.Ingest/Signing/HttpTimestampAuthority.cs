using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace Archive.Ingest.Signing;

/// <summary>An RFC 3161 TSA reached over HTTP (application/timestamp-query); its answer is checked before use.</summary>
public sealed class HttpTimestampAuthority(HttpClient http, Uri url) : ITimestampAuthority
{
    public async Task<byte[]> StampAsync(byte[] sha256Digest, CancellationToken cancellationToken)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var nonce = BigInteger.ValueOf(Random.Shared.NextInt64(long.MaxValue));
        var request = generator.Generate(TspAlgorithms.Sha256, sha256Digest, nonce);
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/timestamp-query");
        using var reply = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        reply.EnsureSuccessStatusCode();
        var response = new TimeStampResponse(await reply.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        response.Validate(request);
        return response.TimeStampToken?.GetEncoded()
               ?? throw new InvalidDataException($"Đơn vị cấp dấu thời gian từ chối: {response.GetStatusString()}");
    }
}
