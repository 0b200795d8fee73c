using Archive.Ingest.Signatures;
using Serilog;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// RFC 5280 path validation on PKIs openssl built for each case (fixtures/pki/make-pkix-cases.sh), signatures made by
/// `openssl cms`. The verdicts follow EN 319 102-1's X.509 certificate validation block as EU DSS applies it: a path that breaks
/// a constraint is INDETERMINATE/CHAIN_CONSTRAINTS_FAILURE (§5.2.6.4), the control case TOTAL_PASSED. `openssl verify`, an
/// independent path validator, agrees on every case.
/// </summary>
public sealed class CertificatePathTests
{
    private static string _root = null!;

    [OneTimeSetUp]
    public void BuildCases()
    {
        _root = SignatureFixtures.TempFolder();
        Tool.Run("bash", [Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "pki", "make-pkix-cases.sh"), _root]);
    }

    private static async Task<FileVerificationReport> VerifyAsync(string name)
    {
        var trust = await TrustStore.LoadAsync(Path.Combine(_root, "anchors"), null, CancellationToken.None);
        // Revocation is not what these cases are about: no CRL is asked for.
        var policy = ValidationPolicy.Basic with { RequiresRevocationData = false };
        return await new DocumentVerifier(trust, policy, TimeProvider.System, Log.Logger)
            .VerifyAsync(Path.Combine(_root, name, "van-ban.txt"), CancellationToken.None);
    }

    private static int OpensslVerify(string name) =>
        Tool.Run("openssl", ["verify", "-CAfile", Path.Combine(_root, "root.cer"), "-untrusted", Path.Combine(_root, name, "chain.pem"),
            Path.Combine(_root, name, "signer.cer")], check: false).ExitCode;

    [Test]
    public async Task The_valid_path_passes()
    {
        var report = await VerifyAsync("valid");

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(OpensslVerify("valid"), Is.Zero);
    }

    [TestCase("pathlen", "pathLenConstraint")]
    [TestCase("not-ca", "không phải chứng thư CA")]
    [TestCase("no-keycertsign", "keyCertSign")]
    [TestCase("name-constraints", "nameConstraints")]
    [TestCase("unknown-critical", "1.3.6.1.4.1.55555.1")]
    public async Task A_path_that_breaks_a_constraint_is_a_chain_constraints_failure(string name, string named)
    {
        var report = await VerifyAsync(name);

        var signature = report.Signatures.Single();
        Assert.That((signature.Indication, signature.SubIndication),
            Is.EqualTo((SignatureIndication.Indeterminate, SubIndication.ChainConstraintsFailure)), OpensslSignedPdfTests.Describe(report));
        Assert.That(signature.Messages, Has.Some.Contains(named));
        Assert.That(OpensslVerify(name), Is.Not.Zero, "openssl verify refuses the same path");
    }
}
