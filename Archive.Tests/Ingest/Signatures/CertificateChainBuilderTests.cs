using Archive.Ingest.Signatures;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Archive.Tests.Ingest.Signatures;

public sealed class CertificateChainBuilderTests
{
    private static readonly SecureRandom Random = new();

    private static AsymmetricCipherKeyPair Key()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, Random));
        return generator.GenerateKeyPair();
    }

    private static X509Certificate Issue(string subject, AsymmetricCipherKeyPair subjectKey, string issuer, AsymmetricCipherKeyPair issuerKey, bool ca)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.ValueOf(Random.NextInt() & int.MaxValue));
        generator.SetSubjectDN(new X509Name(subject));
        generator.SetIssuerDN(new X509Name(issuer));
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddDays(30));
        generator.SetPublicKey(subjectKey.Public);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        return generator.Generate(new Asn1SignatureFactory("SHA256withECDSA", issuerKey.Private, Random));
    }

    [Test]
    public void Certificates_that_issue_each_other_make_no_chain_and_no_endless_loop()
    {
        var (a, b, root) = (Key(), Key(), Key());
        var aByB = Issue("CN=A", a, "CN=B", b, ca: true);
        var bByA = Issue("CN=B", b, "CN=A", a, ca: true);
        var leaf = Issue("CN=Leaf", Key(), "CN=A", a, ca: false);
        var anchor = Issue("CN=Root", root, "CN=Root", root, ca: true);

        var chain = CertificateChainBuilder.Build(leaf, [aByB, bByA, aByB, bByA], [anchor]);

        Assert.That(chain, Is.Null);
    }

    [Test]
    public void A_certificate_with_the_anchor_name_but_another_key_does_not_chain()
    {
        var (root, rogue) = (Key(), Key());
        var anchor = Issue("CN=Root", root, "CN=Root", root, ca: true);
        var leaf = Issue("CN=Leaf", Key(), "CN=Root", rogue, ca: false);

        Assert.That(CertificateChainBuilder.Build(leaf, [], [anchor]), Is.Null);
    }

    [Test]
    public void A_non_CA_certificate_cannot_act_as_an_intermediate()
    {
        var (root, middle) = (Key(), Key());
        var anchor = Issue("CN=Root", root, "CN=Root", root, ca: true);
        var notCa = Issue("CN=Middle", middle, "CN=Root", root, ca: false);
        var leaf = Issue("CN=Leaf", Key(), "CN=Middle", middle, ca: false);
        var asCa = Issue("CN=Middle", middle, "CN=Root", root, ca: true);

        Assert.That(CertificateChainBuilder.Build(leaf, [notCa], [anchor]), Is.Null);
        Assert.That(CertificateChainBuilder.Build(leaf, [asCa], [anchor]), Has.Count.EqualTo(3));
    }
}
