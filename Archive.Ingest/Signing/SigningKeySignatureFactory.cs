using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;

namespace Archive.Ingest.Signing;

/// <summary>Lets BouncyCastle's CMS generator sign through an <see cref="ISigningKey"/>, so a token's key never leaves it.</summary>
internal sealed class SigningKeySignatureFactory(ISigningKey key) : ISignatureFactory
{
    public object AlgorithmDetails { get; } = key.SignatureAlgorithm switch
    {
        "SHA256WITHRSA" => new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance),
        "SHA384WITHRSA" => new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha384WithRsaEncryption, DerNull.Instance),
        "SHA512WITHRSA" => new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha512WithRsaEncryption, DerNull.Instance),
        "SHA256WITHECDSA" => new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256),
        "SHA384WITHECDSA" => new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha384),
        var other => throw new NotSupportedException($"Signature algorithm {other} is not supported."),
    };

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(key);

    private sealed class Calculator(ISigningKey key) : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream _data = new();

        public Stream Stream => _data;

        // What is signed here is the DER of the signed attributes: small, so buffering is fine.
        public IBlockResult GetResult() => new SimpleBlockResult(key.Sign(_data.ToArray()));
    }
}
