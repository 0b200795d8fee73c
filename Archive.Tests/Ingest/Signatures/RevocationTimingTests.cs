using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;
using Serilog;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// When revocation happened relative to the signing time, and whether that time is proven: CRLs made
/// here with the test CAs' keys, so the revocation date can be placed where each case needs it.
/// </summary>
public sealed class RevocationTimingTests
{
    private static AsymmetricKeyParameter PrivateKey(string name)
    {
        using var reader = new StreamReader(Path.Combine(SignatureFixtures.Pki, name + ".key"));
        return new PemReader(reader).ReadObject() switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter key => key,
            var other => throw new InvalidOperationException($"Unexpected key {other?.GetType().Name}."),
        };
    }

    private static X509Certificate Certificate(string name) =>
        new X509CertificateParser().ReadCertificate(File.ReadAllBytes(Path.Combine(SignatureFixtures.Pki, name + ".cer")));

    /// <summary>A CRL folder: the issuer's CRL revoking <paramref name="revoked"/> at <paramref name="revokedAt"/>, plus the other CA's clean CRL.</summary>
    private static string Crls(string issuer, string revoked, DateTime revokedAt, DateTime? nextUpdate = null)
    {
        var folder = SignatureFixtures.TempFolder();
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(Certificate(issuer).SubjectDN);
        generator.SetThisUpdate(DateTime.UtcNow.AddMinutes(-1));
        generator.SetNextUpdate(nextUpdate ?? DateTime.UtcNow.AddDays(7));
        generator.AddCrlEntry(Certificate(revoked).SerialNumber, revokedAt, CrlReason.KeyCompromise);
        var crl = generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", PrivateKey(issuer)));
        File.WriteAllBytes(Path.Combine(folder, issuer + ".crl"), crl.GetEncoded());
        var other = issuer == "issuing" ? "root.crl" : "issuing.crl";
        if (issuer == "root")
        {
            // The issuing CA's own CRL still answers for the signer.
            File.Copy(Path.Combine(SignatureFixtures.Crls, "issuing.crl"), Path.Combine(folder, other));
        }
        else
        {
            File.Copy(Path.Combine(SignatureFixtures.Crls, "root.crl"), Path.Combine(folder, other));
        }
        return folder;
    }

    [Test]
    public async Task Revoked_after_the_claimed_time_without_a_timestamp_is_revoked_no_poe()
    {
        var crls = Crls("issuing", "personal", DateTime.UtcNow.AddHours(1));

        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"), crls: crls);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.RevokedNoPoe), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task Revoked_after_a_timestamp_proves_the_signature_older_passes()
    {
        var crls = Crls("issuing", "personal", DateTime.UtcNow.AddHours(1));
        var signed = Path.Combine(SignatureFixtures.TempFolder(), "stamped.pdf");
        using (var key = Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "personal.p12"), "test"))
            await new PadesSigner(TimeProvider.System, Log.Logger).SignAsync(SignatureFixtures.SignedFile("plain.pdf"), signed, key,
                SignaturePlacement.Invisible, new OpensslTimestampAuthority(), CancellationToken.None);

        var report = await SignatureFixtures.VerifyAsync(signed, crls: crls);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task A_revoked_issuing_CA_is_revoked_ca_no_poe()
    {
        var crls = Crls("root", "issuing", DateTime.UtcNow.AddMinutes(-5));

        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"), crls: crls);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.RevokedCaNoPoe), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task A_timestamp_before_the_certificate_was_valid_is_total_failed_not_yet_valid()
    {
        var signed = Path.Combine(SignatureFixtures.TempFolder(), "notyet-stamped.pdf");
        using (var key = Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "notyet.p12"), "test"))
            await new PadesSigner(TimeProvider.System, Log.Logger).SignAsync(SignatureFixtures.SignedFile("plain.pdf"), signed, key,
                SignaturePlacement.Invisible, new OpensslTimestampAuthority(), CancellationToken.None);

        var report = await SignatureFixtures.VerifyAsync(signed);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.NotYetValid), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [Test]
    public async Task A_cms_without_the_signer_certificate_is_no_signing_certificate_found()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("nocerts.pdf"));

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.NoSigningCertificateFound), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.Indeterminate));
    }

    [Test]
    public async Task A_stale_crl_is_used_and_reported_as_stale()
    {
        var crls = Crls("issuing", "revoked", DateTime.UtcNow.AddDays(-3), nextUpdate: DateTime.UtcNow.AddMinutes(-30));

        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"), crls: crls);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures.Single().Messages, Has.Some.Contains("quá hạn cập nhật"));
    }
}
