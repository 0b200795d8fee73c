using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class TrustCommandTests(CatalogEngine engine)
{
    private TempFolder _data = null!;
    private string _root = null!;

    [SetUp]
    public async Task SetUp()
    {
        _data = new TempFolder("archive-data");
        _root = Path.Combine(_data.Path, "data");
        engine.Attach(_root);
        Assert.That((await Cli.RunAsync("init", "--data", _root)).ExitCode, Is.Zero);
    }

    [TearDown]
    public void TearDown() => _data.Dispose();

    [Test]
    public async Task A_root_certificate_in_pem_and_a_crl_are_added_listed_and_audited()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=RootCA thử nghiệm, O=Ban Cơ yếu Chính phủ, C=VN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.KeyCertSign, true));
        using var root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var pem = _data.File("root.pem");
        await File.WriteAllTextAsync(pem, root.ExportCertificatePem());
        var crl = _data.File("root.crl");
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry([0x01, 0x02], DateTimeOffset.UtcNow.AddHours(-1));
        await File.WriteAllBytesAsync(crl, builder.Build(root, 7, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256));

        var addRoot = await Cli.RunAsync("trust", "add-anchor", pem, "--data", _root);
        var addCrl = await Cli.RunAsync("trust", "add-crl", crl, "--data", _root);

        Assert.That(addRoot.ExitCode, Is.Zero, addRoot.ToString());
        Assert.That(addCrl.ExitCode, Is.Zero, addCrl.ToString());
        Assert.That(File.Exists(Path.Combine(_root, "trust", "anchors", "root.pem")));
        Assert.That(File.Exists(Path.Combine(_root, "trust", "crls", "root.crl")));
        var list = await Cli.RunAsync("trust", "list", "--data", _root);
        Assert.That(list.Stdout, Does.Contain("RootCA thử nghiệm").And.Contain("CRL số 7"));
        var audit = await Cli.RunAsync("audit", "list", "--data", _root);
        Assert.That(audit.Stdout, Does.Contain("trust.add-anchor").And.Contain("trust.add-crl"));
    }

    [TestCase("../../ngoai.cer")]
    [TestCase("..")]
    [TestCase("anchors/../../catalog.db")]
    public async Task A_name_leading_outside_the_trust_folder_is_refused_and_nothing_is_written(string name)
    {
        using var key = RSA.Create(2048);
        using var cert = new CertificateRequest("CN=Gốc", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        var der = _data.File("root.cer");
        await File.WriteAllBytesAsync(der, cert.RawData);
        var auditBefore = (await Cli.RunAsync("audit", "list", "--json", "--data", _root)).Stdout;
        var filesBefore = AllFiles();

        var result = await Cli.RunAsync("trust", "add-anchor", der, "--name", name, "--data", _root);

        Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
        Assert.That(result.Stderr, Does.Contain("nằm ngoài thư mục"));
        Assert.That(AllFiles(), Is.EqualTo(filesBefore));
        Assert.That((await Cli.RunAsync("audit", "list", "--json", "--data", _root)).Stdout, Is.EqualTo(auditBefore));
    }

    [Test]
    public async Task A_file_that_is_not_a_certificate_is_refused()
    {
        var fake = _data.File("gia.cer");
        await File.WriteAllTextAsync(fake, "đây không phải chứng thư");

        var result = await Cli.RunAsync("trust", "add-anchor", fake, "--data", _root);

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(result.Stderr, Does.Contain("không phải chứng thư số X.509"));
        Assert.That(Directory.EnumerateFiles(Path.Combine(_root, "trust", "anchors")), Is.Empty);
    }

    private string[] AllFiles() =>
        Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
}
