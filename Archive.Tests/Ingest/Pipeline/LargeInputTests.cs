using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>
/// Issue 4, bad input: a 1 GiB file is processed in bounded memory. `archive ingest` runs as a child
/// process under /usr/bin/time, whose peak resident set size is the bound checked (wait4 on Linux takes the
/// maximum over the process and its reaped children, so qpdf and Ghostscript count too).
/// The bound is on memory, never on time.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class LargeInputTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const long OneGiB = 1L << 30;
    private const long PeakRssBoundKiB = 512 * 1024;

    [Test]
    public async Task A_1_GiB_pdf_is_accepted_and_1_GiB_of_garbage_rejected_each_stored_intact_in_bounded_memory()
    {
        var pdf = LargePdf.Write(Data.File("ho-so-lon.pdf"), OneGiB);
        var garbage = Data.File("rac-lon.pdf");
        await using (var file = File.Create(garbage)) file.SetLength(OneGiB); // zeros: no format recognised
        var metadata = Data.File("m.json");
        await File.WriteAllTextAsync(metadata, """{"TypeName":"Công văn","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Hồ sơ rất lớn"}""");
        var peak = Data.File("peak-rss");

        var result = await Cli.RunChildAsync(["ingest", pdf, garbage, "--dossier", DemoDossier.Code, "--metadata", metadata, "--json",
            "--data", Data.Path], wrapper: ["/usr/bin/time", "-f", "%M", "-o", peak]);

        var peakKiB = long.Parse((await File.ReadAllTextAsync(peak)).Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        await TestContext.Out.WriteLineAsync($"archive ingest, 2 × 1 GiB: peak RSS {peakKiB / 1024} MiB");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var outcomes = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.EqualTo(new[] { "accepted", "rejected" }), result.ToString());
        Assert.That(outcomes[0].GetProperty("reasons").GetArrayLength(), Is.Zero, "the PDF/A copy was made too");
        Assert.That(outcomes[1].GetProperty("reasons")[0].GetString(), Does.Contain("Không nhận dạng được định dạng"));
        Assert.That(peakKiB, Is.LessThan(PeakRssBoundKiB), $"peak RSS {peakKiB} KiB");

        using var store = ArchiveStore.Open(new DataFolder(Data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: Catalog);
        foreach (var (outcome, input) in outcomes.Zip([pdf, garbage]))
        {
            var item = store.Catalog.Read(s => s.Inbox.Get(outcome.GetProperty("inboxId").GetString()!))!;
            string expected;
            await using (var original = File.OpenRead(input)) expected = Convert.ToHexStringLower(await SHA256.HashDataAsync(original));
            Assert.That(item.Digest, Is.EqualTo(expected));
            Assert.That(item.Length, Is.EqualTo(new FileInfo(input).Length));
            Assert.DoesNotThrowAsync(() => store.Blobs.VerifyAsync(Sha256Digest.Parse(item.Digest), CancellationToken.None),
                "the stored original re-hashes to its digest");
        }
    }
}
