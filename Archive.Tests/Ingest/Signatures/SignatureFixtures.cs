using System.Diagnostics;
using Archive.Ingest.Signatures;
using Serilog;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Builds the test PKI and the openssl-signed documents once per test run, into a temp folder, with
/// the generator scripts of fixtures/ — so certificates are always fresh and nothing large is committed.
/// </summary>
[SetUpFixture]
public sealed class SignatureFixtures
{
    private static string? _root;

    public static string Root => _root ?? throw new InvalidOperationException("Fixtures not built.");
    public static string Pki => Path.Combine(Root, "pki");
    public static string Signed => Path.Combine(Root, "signed");
    public static string Anchors => Path.Combine(Pki, "anchors");
    public static string Crls => Path.Combine(Pki, "crls");

    public static string SignedFile(string name) => Path.Combine(Signed, name);

    [OneTimeSetUp]
    public void Build()
    {
        _root = Directory.CreateTempSubdirectory("archive-sig-").FullName;
        var fixtures = Path.Combine(RepositoryRoot(), "fixtures");
        Tool.Run("bash", [Path.Combine(fixtures, "pki", "make-pki.sh"), Pki]);
        Tool.Run("bash", [Path.Combine(fixtures, "signed", "make-openssl-signed.sh"), Pki, Signed]);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (_root is not null && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "fixtures", "pki", "make-pki.sh"))) return dir.FullName;
        throw new InvalidOperationException("fixtures/ not found above the test directory.");
    }

    public static async Task<TrustStore> TrustAsync(string? crls = null) =>
        await TrustStore.LoadAsync(Anchors, crls ?? Crls, CancellationToken.None);

    public static async Task<FileVerificationReport> VerifyAsync(string path, ValidationPolicy? policy = null, string? crls = null)
    {
        var verifier = new DocumentVerifier(await TrustAsync(crls), policy ?? ValidationPolicy.Basic, TimeProvider.System, Log.Logger);
        return await verifier.VerifyAsync(path, CancellationToken.None);
    }

    /// <summary>Makes a data folder trust the test PKI (anchors and CRLs), through `archive trust` as an officer would.</summary>
    public static async Task TrustInAsync(string data)
    {
        foreach (var anchor in Directory.GetFiles(Anchors))
            Assert.That((await Support.Cli.RunAsync("trust", "add-anchor", anchor, "--data", data)).ExitCode, Is.Zero);
        foreach (var crl in Directory.GetFiles(Crls))
            Assert.That((await Support.Cli.RunAsync("trust", "add-crl", crl, "--data", data)).ExitCode, Is.Zero);
    }

    /// <summary>A fresh temp folder for one test; the fixture deletes it with the rest.</summary>
    public static string TempFolder() => Directory.CreateDirectory(Path.Combine(Root, "t-" + Guid.NewGuid().ToString("N"))).FullName;
}
