using System.Text;
using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>Hostile or huge input: a clear verdict or error, bounded memory, no crash.</summary>
public sealed class BadInputTests
{
    /// <summary>
    /// A one-page PDF with <paramref name="count"/> signature fields, each with its own /ByteRange
    /// around its own /Contents (a real CMS from another file, so each is a hash failure).
    /// </summary>
    private static byte[] ManySignatures(int count)
    {
        var personal = File.ReadAllBytes(SignatureFixtures.SignedFile("personal.pdf"));
        var r = PdfBytes.LastByteRange(personal);
        // The CMS without its zero padding, cut at the end of its DER object (its own last byte may be a zero).
        var padded = PdfBytes.Text(personal).Substring((int)r[1] + 1, (int)(r[2] - r[1] - 2));
        using var der = new Org.BouncyCastle.Asn1.Asn1InputStream(Convert.FromHexString(padded));
        der.ReadObject();
        var hex = padded[..(2 * (int)der.Position)];
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" + string.Join(' ', Enumerable.Range(0, count).Select(i => $"{10 + 2 * i} 0 R")) + "] /SigFlags 3 >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [" + string.Join(' ', Enumerable.Range(0, count).Select(i => $"{10 + 2 * i} 0 R")) + "] >>",
        };
        var body = new SortedDictionary<int, string>();
        for (var i = 0; i < objects.Count; i++) body[i + 1] = objects[i];
        for (var i = 0; i < count; i++)
        {
            body[10 + 2 * i] = $"<< /Type /Annot /Subtype /Widget /FT /Sig /T (S{i}) /Rect [0 0 0 0] /P 3 0 R /V {11 + 2 * i} 0 R >>";
            body[11 + 2 * i] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0000000000 0000000000 0000000000] /Contents <{hex}> >>";
        }
        var text = new StringBuilder("%PDF-1.7\n");
        var offsets = new SortedDictionary<int, int>();
        foreach (var (number, content) in body)
        {
            offsets[number] = text.Length;
            text.Append($"{number} 0 obj\n{content}\nendobj\n");
        }
        var xref = text.Length;
        var size = body.Keys.Max() + 1;
        text.Append($"xref\n0 {size}\n");
        for (var n = 0; n < size; n++)
            text.Append(offsets.TryGetValue(n, out var o) ? $"{o:D10} 00000 n \n" : "0000000000 65535 f \n");
        text.Append($"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var pdf = text.ToString();
        var total = pdf.Length;
        var result = new StringBuilder(pdf);
        var search = 0;
        while ((search = pdf.IndexOf("/ByteRange [0 0000000000 0000000000 0000000000]", search, StringComparison.Ordinal)) >= 0)
        {
            var gapStart = pdf.IndexOf("/Contents <", search, StringComparison.Ordinal) + "/Contents ".Length;
            var gapEnd = pdf.IndexOf('>', gapStart) + 1;
            var range = $"[0 {gapStart} {gapEnd} {total - gapEnd}]".PadRight("[0 0000000000 0000000000 0000000000]".Length);
            result.Remove(search + "/ByteRange ".Length, range.Length).Insert(search + "/ByteRange ".Length, range);
            search = gapEnd;
        }
        return Encoding.Latin1.GetBytes(result.ToString());
    }

    [Test]
    public async Task A_pdf_with_a_thousand_signatures_gets_a_verdict_for_each()
    {
        var path = PdfBytes.Write(ManySignatures(1000), "thousand.pdf");

        var report = await SignatureFixtures.VerifyAsync(path);

        Assert.That(report.Signatures, Has.Count.EqualTo(1000));
        Assert.That(report.Signatures.All(s => s.SubIndication == SubIndication.HashFailure), OpensslSignedPdfTests.Describe(report)[..Math.Min(2000, OpensslSignedPdfTests.Describe(report).Length)]);
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [Test]
    public async Task A_200_MB_signed_pdf_is_verified_by_streaming_not_by_loading_it()
    {
        // A plain PDF carrying a 200 MB incompressible stream, signed by our signer.
        var folder = SignatureFixtures.TempFolder();
        var big = Path.Combine(folder, "big.pdf");
        const int size = 200 * 1024 * 1024;
        await using (var file = File.Create(big))
        {
            var header = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
                         "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>\nendobj\n";
            var offsets = new List<long>();
            var text = Encoding.Latin1.GetBytes(header);
            offsets.Add(header.IndexOf("1 0 obj", StringComparison.Ordinal));
            offsets.Add(header.IndexOf("2 0 obj", StringComparison.Ordinal));
            offsets.Add(header.IndexOf("3 0 obj", StringComparison.Ordinal));
            await file.WriteAsync(text);
            offsets.Add(file.Position);
            await file.WriteAsync(Encoding.Latin1.GetBytes($"4 0 obj\n<< /Length {size} >>\nstream\n"));
            var chunk = new byte[1 << 20];
            var random = new Random(1);
            for (var written = 0; written < size; written += chunk.Length)
            {
                random.NextBytes(chunk);
                await file.WriteAsync(chunk);
            }
            await file.WriteAsync("\nendstream\nendobj\n"u8.ToArray());
            var xref = file.Position;
            var table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
            foreach (var o in offsets) table.Append($"{o:D10} 00000 n \n");
            table.Append($"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            await file.WriteAsync(Encoding.Latin1.GetBytes(table.ToString()));
        }
        var signed = Path.Combine(folder, "big-signed.pdf");
        using (var key = Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "personal.p12"), "test"))
            await new PadesSigner(TimeProvider.System, Log.Logger).SignAsync(big, signed, key, SignaturePlacement.Invisible, null, CancellationToken.None);
        File.Delete(big);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var report = await SignatureFixtures.VerifyAsync(signed);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), $"allocated {allocated / (1024 * 1024)} MB to verify a 200 MB file");
        File.Delete(signed);
    }

    [Test]
    public async Task Garbage_that_claims_to_be_pdf_gets_a_verdict()
    {
        var random = new byte[100_000];
        new Random(7).NextBytes(random);
        "%PDF-1.7\n"u8.CopyTo(random);

        var report = await SignatureFixtures.VerifyAsync(PdfBytes.Write(random, "garbage.pdf"));

        Assert.That(report.Indication, Is.Not.EqualTo(SignatureIndication.TotalPassed));
    }
}
