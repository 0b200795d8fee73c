using Archive.Ingest.Signing;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>An RFC 3161 TSA run by `openssl ts -reply` with the test PKI's TSA certificate: an independent timestamp source.</summary>
public sealed class OpensslTimestampAuthority : ITimestampAuthority
{
    private readonly string _folder = SignatureFixtures.TempFolder();

    public OpensslTimestampAuthority()
    {
        var pki = SignatureFixtures.Pki;
        File.WriteAllText(Path.Combine(_folder, "serial"), "01\n");
        File.WriteAllText(Path.Combine(_folder, "tsa.cnf"), $"""
            [ tsa ]
            default_tsa = test_tsa
            [ test_tsa ]
            serial = {_folder}/serial
            signer_cert = {pki}/tsa.cer
            certs = {pki}/tsa-chain.pem
            signer_key = {pki}/tsa.key
            signer_digest = sha256
            default_policy = 1.3.6.1.4.1.99999.1
            digests = sha256, sha384, sha512
            accuracy = secs:1
            ess_cert_id_alg = sha256
            ess_cert_id_chain = no
            """);
    }

    public Task<byte[]> StampAsync(byte[] sha256Digest, CancellationToken cancellationToken)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, sha256Digest, BigInteger.ValueOf(Random.Shared.NextInt64(long.MaxValue)));
        var query = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".tsq");
        var reply = Path.ChangeExtension(query, ".tsr");
        File.WriteAllBytes(query, request.GetEncoded());
        Tool.Run("openssl", ["ts", "-reply", "-config", Path.Combine(_folder, "tsa.cnf"), "-queryfile", query, "-out", reply]);
        var response = new TimeStampResponse(File.ReadAllBytes(reply));
        response.Validate(request);
        return Task.FromResult(response.TimeStampToken.GetEncoded());
    }
}
