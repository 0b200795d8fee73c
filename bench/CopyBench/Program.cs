using System.Diagnostics;
using Archive.Core.Copies;
using Archive.Ingest.Copies;
using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Serilog.Core;

// Makes a signed SAO Y of every PDF in a folder, as `archive copy make` does (stamp, QR code, PDF/A-2b, PAdES with the
// organisation's PKCS#12 key), one after another, and prints how many copies a second that is.
// Usage: CopyBench SOURCES OUTPUT KEY.p12 PASSWORD
if (args.Length != 4)
{
    Console.Error.WriteLine("Usage: CopyBench SOURCES OUTPUT KEY.p12 PASSWORD");
    return 64;
}
var (sources, output, keyFile, password) = (args[0], args[1], args[2], args[3]);
var files = Directory.GetFiles(sources, "*.pdf").Order(StringComparer.Ordinal).ToList();
Directory.CreateDirectory(output);
var maker = new CertifiedCopyMaker(new CopyDocumentBuilder(), null, Logger.None);
var clock = Stopwatch.StartNew();
using (var key = Pkcs12SigningKey.Load(keyFile, password))
{
    for (var i = 0; i < files.Count; i++)
    {
        var now = DateTimeOffset.UtcNow;
        var signedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).ToOffset(AgencyRules.VietnamOffset);
        var code = VerificationCodes.New();
        var stamp = new CopyStamp(CopyForm.SaoY, "Ủy ban nhân dân tỉnh Hà Tĩnh", signedAt, $"{i + 1:D2}/SY", code,
            CopyIssuingOptions.Default.AddressOf(code));
        await maker.MakeAsync(files[i], null, stamp, null, key, Path.Combine(output, Path.GetFileName(files[i])), CancellationToken.None);
    }
}
Console.WriteLine($"copies: {files.Count} in {clock.Elapsed.TotalSeconds:0.00} s");
return 0;
