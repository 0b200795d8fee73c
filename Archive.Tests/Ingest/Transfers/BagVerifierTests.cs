using System.Text;
using Archive.Ingest.Transfers;
using Serilog;

namespace Archive.Tests.Ingest.Transfers;

/// <summary>
/// The BagIt verifier on bags it did not write: the Library of Congress conformance suite's basic bags as bagit.py made them
/// (fixtures/bagit-conformance, byte for byte: each file matches the suite's own tag manifests), its other cases rebuilt by hand
/// (valid ones accepted, invalid ones refused with the reason), and hostile bags (paths out of the bag, links, a 10,000-level tree).
/// </summary>
public sealed class BagVerifierTests
{
    private static readonly BagVerifier Verifier = new(new LoggerConfiguration().CreateLogger());

    private static Task<BagVerification> VerifyAsync(HandMadeBag bag) => Verifier.VerifyAsync(bag.Root, null, CancellationToken.None);

    private static HandMadeBag Basic(string version = "1.0") =>
        new HandMadeBag(version).Payload("text-file.txt", "Nội dung thử nghiệm\n").Payload("bare-filename", "x");

    [TestCase("sha256")]
    [TestCase("sha512")]
    [TestCase("sha224")]
    [TestCase("sha384")]
    [TestCase("md5", "sha1")]
    [TestCase("sha256", "sha512")]
    public async Task A_basic_bag_with_any_supported_algorithm_is_valid(params string[] algorithms)
    {
        using var bag = Basic(algorithms.Contains("md5") ? "0.97" : "1.0").Write(algorithms);
        var result = await VerifyAsync(bag);
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Valid, Is.True);
        Assert.That(result.PayloadFiles, Is.EqualTo(2));
        Assert.That(result.Algorithms, Is.EquivalentTo(algorithms));
    }

    public static IEnumerable<string> SuiteBags() =>
        Directory.GetDirectories(Path.Combine(Signatures.SignatureFixtures.RepositoryRoot(), "fixtures", "bagit-conformance", "v0.97",
            "valid")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(SuiteBags))]
    public async Task The_suites_bags_made_by_bagit_py_are_accepted_and_refused_once_a_byte_changes(string name)
    {
        using var copy = new Support.TempFolder("bagit-suite");
        var source = Path.Combine(Signatures.SignatureFixtures.RepositoryRoot(), "fixtures", "bagit-conformance", "v0.97", "valid", name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var valid = await Verifier.VerifyAsync(copy.Path, null, CancellationToken.None);
        Assert.That((valid.Valid, valid.Version, valid.PayloadFiles), Is.EqualTo((true, "0.97", 1)), string.Join("\n", valid.Problems));

        var payload = Directory.GetFiles(Path.Combine(copy.Path, "data")).Single();
        File.WriteAllText(payload, File.ReadAllText(payload).Replace("2018", "2019", StringComparison.Ordinal));
        var changed = await Verifier.VerifyAsync(copy.Path, null, CancellationToken.None);
        Assert.That(changed.Valid, Is.False);
        Assert.That(changed.Problems, Has.Some.Contains($"data/{Path.GetFileName(payload)}"));
    }

    [Test]
    public async Task Valid_variants_of_the_conformance_suite_are_accepted()
    {
        // Repeated bag-info labels, folded values, CRLF line ends.
        using (var bag = Basic())
        {
            bag.Info = "Bagging-Date: 2016-02-26\nBagging-Date: 2016-03-10\nContact-Name: Chris Adams\nContact-Name: John Scancella\n" +
                       "External-Description: a long\n  folded value\nPayload-Oxum: 27.2\n";
            bag.LineEnd = "\r\n";
            bag.Write(["sha256"]);
            var result = await VerifyAsync(bag);
            Assert.That(result.Problems, Is.Empty);
            Assert.That(result.Info["external-description"], Is.EqualTo("a long folded value"));
        }
        // Tag files in UTF-16 (big-endian, with its byte-order mark), declared in bagit.txt.
        using (var bag = new HandMadeBag("0.97", "UTF-16BE") { TagEncoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: true) })
        {
            bag.Payload("tệp tiếng Việt.txt", "á").Write(["md5"]);
            Assert.That((await VerifyAsync(bag)).Problems, Is.Empty);
        }
        // Names with '%', a line feed and a space: percent-encoded in the manifest (RFC 8493 §2.1.3).
        using (var bag = new HandMadeBag().Payload("100% tăng.txt", "a").Payload("hai\ndòng.txt", "b").Payload("a/b/c/sâu.bin", [0, 1, 2]))
        {
            bag.Write(["sha512"]);
            Assert.That(File.ReadAllText(bag.File("manifest-sha512.txt")), Does.Contain("100%25 tăng.txt").And.Contain("hai%0Adòng.txt"));
            Assert.That((await VerifyAsync(bag)).Problems, Is.Empty);
        }
        // An empty payload; a fetch.txt whose file is already present.
        using (var bag = new HandMadeBag().Write(["sha256"]))
            Assert.That((await VerifyAsync(bag)).Problems, Is.Empty);
        using (var bag = Basic().Write(["sha256"], tagManifests: false))
        {
            bag.WriteTag("fetch.txt", "file:///somewhere/bare-filename 1 data/bare-filename\n");
            Assert.That((await VerifyAsync(bag)).Problems, Is.Empty);
        }
    }

    private static IEnumerable<TestCaseData> InvalidBags()
    {
        TestCaseData Case(string name, Action<HandMadeBag> spoil, string reason) =>
            new TestCaseData(spoil, reason).SetName($"Invalid bag: {name}");

        yield return Case("no bagit.txt", b => File.Delete(b.File("bagit.txt")), "Thiếu tệp bagit.txt");
        yield return Case("bagit.txt with a byte-order mark",
            b => File.WriteAllText(b.File("bagit.txt"), b.Declaration, new UTF8Encoding(true)), "BOM");
        yield return Case("bagit.txt with invalid whitespace",
            b => File.WriteAllText(b.File("bagit.txt"), "BagIt-Version : 1.0\nTag-File-Character-Encoding: UTF-8\n"),
            "bagit.txt sai định dạng");
        yield return Case("an unknown BagIt version",
            b => File.WriteAllText(b.File("bagit.txt"), "BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n"), "Phiên bản BagIt 2.0");
        yield return Case("an unknown tag file encoding",
            b => File.WriteAllText(b.File("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: X-NONE\n"), "X-NONE");
        yield return Case("no data folder", b => Directory.Delete(b.File("data"), true), "Thiếu thư mục data/");
        yield return Case("no payload manifest", b => File.Delete(b.File("manifest-sha256.txt")), "không có tệp manifest");
        yield return Case("a manifest with an unknown algorithm",
            b => File.Move(b.File("manifest-sha256.txt"), b.File("manifest-sha3.txt")), "thuật toán 'sha3' không được hỗ trợ");
        yield return Case("a checksum of the wrong length",
            b => File.AppendAllText(b.File("manifest-sha256.txt"), "abcd  data/bare-filename\n"), "không đúng dạng");
        yield return Case("a path that climbs out with ..",
            b => File.AppendAllText(b.File("manifest-sha256.txt"), $"{new string('a', 64)}  data/../../../README.md\n"), "ra ngoài gói");
        yield return Case("an absolute path",
            b => File.AppendAllText(b.File("manifest-sha256.txt"), $"{new string('a', 64)}  /etc/passwd\n"), "tuyệt đối");
        yield return Case("a path with a dot segment",
            b => File.AppendAllText(b.File("manifest-sha256.txt"), $"{new string('a', 64)}  data/./bare-filename\n"), "'.'");
        yield return Case("a file listed twice", b => File.AppendAllText(b.File("manifest-sha256.txt"),
            File.ReadAllLines(b.File("manifest-sha256.txt"))[0] + "\n"), "liệt kê hai lần");
        yield return Case("a missing payload file", b => File.Delete(b.File("data/bare-filename")), "Thiếu tệp 'data/bare-filename'");
        yield return Case("an extra payload file", b => File.WriteAllText(b.File("data/extra.txt"), "?"), "Tệp thừa 'data/extra.txt'");
        yield return Case("a changed byte", b => File.WriteAllText(b.File("data/bare-filename"), "y"),
            "Sai mã kiểm tra sha256 của 'data/bare-filename'");
        yield return Case("a file not in every payload manifest",
            b => b.WriteTag("manifest-sha512.txt", ""), "không có trong manifest-sha512.txt");
        yield return Case("a manifest entry outside data/",
            b => File.AppendAllText(b.File("manifest-sha256.txt"),
                $"{HandMadeBag.Hex("sha256", File.ReadAllBytes(b.File("bagit.txt")))}  bagit.txt\n"),
            "không nằm trong data/");
        yield return Case("a changed tag file", b => File.AppendAllText(b.File("bag-info.txt"), "Contact-Name: ai đó\n"),
            "Sai mã kiểm tra sha256 của 'bag-info.txt'");
        yield return Case("a tag manifest naming a missing tag file", b => File.Delete(b.File("bag-info.txt")),
            "Thiếu tệp thẻ 'bag-info.txt'");
        yield return Case("a wrong Payload-Oxum", b =>
        {
            File.WriteAllText(b.File("bag-info.txt"), "Payload-Oxum: 999.2\n");
            File.Delete(b.File("tagmanifest-sha256.txt"));
        }, "Payload-Oxum 999.2 không khớp");
        yield return Case("a bag-info line without a label", b =>
        {
            File.WriteAllText(b.File("bag-info.txt"), "no colon here\n");
            File.Delete(b.File("tagmanifest-sha256.txt"));
        }, "bag-info.txt dòng 1");
        yield return Case("a symbolic link out of the bag", b => File.CreateSymbolicLink(b.File("data/passwd"), "/etc/passwd"),
            "liên kết tượng trưng");
        yield return Case("a fetch.txt file not fetched", b =>
        {
            File.Delete(b.File("data/bare-filename"));
            File.WriteAllText(b.File("fetch.txt"), "https://example.invalid/x 1 data/bare-filename\n");
        }, "phải được tải về theo fetch.txt");
    }

    [TestCaseSource(nameof(InvalidBags))]
    public async Task An_invalid_bag_is_refused_with_its_reason(Action<HandMadeBag> spoil, string reason)
    {
        using var bag = Basic();
        bag.Info = "Source-Organization: Thử\n";
        bag.Write(["sha256"]);
        spoil(bag);
        var result = await VerifyAsync(bag);
        Assert.That(result.Valid, Is.False);
        Assert.That(result.Problems, Has.Some.Contains(reason), string.Join("\n", result.Problems));
    }

    [Test]
    public async Task A_ten_thousand_level_folder_tree_is_refused_without_walking_it()
    {
        using var bag = Basic().Write(["sha256"]);
        // perl (Debian's perl-base is always there) goes down one level at a time: the whole path is far over PATH_MAX.
        var perl = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("perl",
            ["-e", "chdir $ARGV[0] or die; for (1..10000) { mkdir 'd' or die; chdir 'd' or die } open F, '>f'; print F 'x'",
                bag.File("data")]))!;
        await perl.WaitForExitAsync();
        Assert.That(perl.ExitCode, Is.Zero);
        try
        {
            var result = await VerifyAsync(bag);
            Assert.That(result.Valid, Is.False);
            Assert.That(result.Problems, Has.Some.Contains($"sâu quá {BagVerifier.MaxDepth} cấp"));
        }
        finally
        {
            // rm walks the tree one level at a time too; .NET's recursive delete would meet the path length limit.
            using var rm = System.Diagnostics.Process.Start("rm", ["-rf", bag.File("data")])!;
            await rm.WaitForExitAsync();
        }
    }
}
