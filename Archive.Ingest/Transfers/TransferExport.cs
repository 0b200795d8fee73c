using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Archive.Core.Transfers;
using Archive.Ingest.Records;
using Serilog;

namespace Archive.Ingest.Transfers;

/// <summary>
/// Writes the transfer package (gói nộp lưu) of closed dossiers as a BagIt bag. Its payload, per dossier (folder named by the
/// mã hồ sơ): the dossier's TT 02 XML and, per document (folder "&lt;mã hồ sơ&gt;.&lt;số thứ tự&gt;", TT 02's file name), the original
/// bit for bit, the PDF/A copy, the TT 02 XML, the signature validation report and the PREMIS history; then the inventory as XLSX.
/// Content is streamed from the blob store, each blob checked against its SHA-256 as it is read; an interrupted export resumes.
/// </summary>
public sealed partial class TransferExport(ArchiveStore store, TransferService transfers, CatalogService catalog,
    AgencyRecordSigner signer, TimeProvider clock, ILogger log)
{
    public const string InventoryFile = "muc-luc-ho-so.xlsx";
    public const string InventoryPdfFile = "muc-luc-ho-so.pdf";
    public const string HandoverFile = "bien-ban-giao-nhan.pdf";
    /// <summary>The text extracted from the PDF/A copy (OCR included) that search indexes.</summary>
    public const string TextFile = "noi-dung.txt";
    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = true };
    private readonly ILogger _log = log.ForContext<TransferExport>();

    public async Task<TransferPackage> ExportAsync(IReadOnlyList<string> codes, string bag, Actor actor, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var dossiers = transfers.Prepare(codes, actor);
        using var writer = await BagWriter.OpenAsync(bag, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (writer.Kept > 0) progress?.Report($"Tiếp tục gói đang lập dở: giữ {writer.Kept} tệp đã ghi, không chép lại.");
        var documents = 0;
        var done = 0;
        // One dossier at a time, its files two at a time: memory holds one dossier's list, never the whole package's.
        foreach (var (dossier, index) in dossiers.Select((d, i) => (d, i + 1)))
        {
            var contents = transfers.Documents(dossier);
            documents += contents.Count;
            progress?.Report($"Hồ sơ {dossier.Dossier.FileCode} ({index}/{dossiers.Count}): {contents.Count} văn bản…");
            var files = Files(dossier, contents).ToList();
            await Task.Run(() => Parallel.ForEach(files,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, file =>
                {
                    if (!writer.Has(file.Path))
                    {
                        using (var content = file.Open()) writer.Add(file.Path, content, file.Known, cancellationToken);
                        store.Crash.Reached(CrashPoint.TransferMidWrite);
                    }
                    if (Interlocked.Increment(ref done) % 1000 == 0) progress?.Report($"  đã ghi {done} tệp…");
                }), cancellationToken).ConfigureAwait(false);
        }
        if (!writer.Has(InventoryFile))
        {
            using var inventory = new MemoryStream();
            await TransferInventory.WriteXlsxAsync(dossiers, inventory, cancellationToken).ConfigureAwait(false);
            inventory.Position = 0;
            writer.Add(InventoryFile, inventory, null, cancellationToken);
        }

        // Named by when it was begun: a resumed export keeps the name its records already carry.
        var now = writer.Started.ToOffset(clock.LocalTimeZone.GetUtcOffset(writer.Started));
        var organs = dossiers.Select(d => d.Dossier.OrganId).Distinct().ToList();
        var source = string.Join("; ", organs.Select(o => catalog.Agency(o.Value, actor).Name));
        var identifier = $"NL.{organs[0].Value}.{now.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
        await WriteRecordsAsync(writer, dossiers, source, identifier, documents, now, progress, cancellationToken).ConfigureAwait(false);
        var info = new BagInfo(
        [
            new(BagInfo.SourceOrganization, source),
            new(BagInfo.ExternalIdentifier, identifier),
            new(BagInfo.ExternalDescription, $"Gói nộp lưu {dossiers.Count} hồ sơ, {documents} văn bản " +
                                             "(TT 02/2019/TT-BNV)"),
            new(BagInfo.BaggingDate, now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(BagInfo.BagCount, "1 of 1"),
            new("Internal-Sender-Identifier", string.Join(" ", dossiers.Select(d => d.Dossier.FileCode.Value))),
            new("Contact-Name", actor.Name),
            new("Bag-Software-Agent", "Archive (TT 02/2019/TT-BNV)"),
        ]);
        progress?.Report($"Hoàn tất gói: ghi manifest và kiểm tra lên đĩa…");
        var summary = writer.Complete(info);
        transfers.MarkDelivered(dossiers, identifier, actor);
        _log.Information("Transfer package {Bag} of {Dossiers} dossiers written: {Files} files, {Bytes} bytes",
            summary.Bag, dossiers.Count, summary.PayloadFiles, summary.PayloadBytes);
        return new TransferPackage(summary.Bag, identifier, dossiers.Select(d => d.Dossier.FileCode.Value).ToList(),
            documents, summary.PayloadFiles, summary.PayloadBytes);
    }

    /// <summary>
    /// The inventory as PDF/A and the handover record, signed with the agency's key (Archive:Copies:Key) when one is configured;
    /// without one the record goes unsigned, and the archivist is told.
    /// </summary>
    private async Task WriteRecordsAsync(BagWriter writer, IReadOnlyList<TransferDossier> dossiers, string sender, string package,
        int documents, DateTimeOffset at, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var records = new TransferRecords();
        if (!writer.Has(InventoryPdfFile))
        {
            var inventory = await records.InventoryAsync(dossiers, sender, package, at, cancellationToken).ConfigureAwait(false);
            using var pdf = new MemoryStream(inventory);
            writer.Add(InventoryPdfFile, pdf, null, cancellationToken);
        }
        if (writer.Has(HandoverFile)) return;
        string inventorySha256;
        await using (var inventory = File.OpenRead(Path.Combine(writer.Partial, BagPath.PayloadFolder, InventoryPdfFile)))
            inventorySha256 = (await Sha256Digest.ComputeAsync(inventory, cancellationToken).ConfigureAwait(false)).Hex;
        var handover = await records.HandoverAsync(dossiers, sender, package, documents, inventorySha256, at, cancellationToken)
            .ConfigureAwait(false);
        var signed = await signer.SignAsync(handover, cancellationToken).ConfigureAwait(false);
        if (signed is null) progress?.Report($"Cảnh báo: biên bản giao nhận {AgencyRecordSigner.NoKeyWarning}.");
        using var record = new MemoryStream(signed ?? handover);
        writer.Add(HandoverFile, record, null, cancellationToken);
    }

    /// <summary>The payload files of one dossier, each with how to open its content.</summary>
    private static IEnumerable<PackageFile> Files(TransferDossier d, IReadOnlyList<TransferDocument> documents)
    {
        var folder = d.Dossier.FileCode.Value;
        yield return Xml($"{folder}/ho-so.xml", Tt02MetadataXml.Of(d.Dossier));
        foreach (var doc in documents)
        {
            var documentFolder = $"{folder}/{folder}.{doc.Document.DocOrdinal.ToString(CultureInfo.InvariantCulture)}";
            var original = $"{documentFolder}/ban-goc{Extension(doc.OriginalName)}";
            yield return new PackageFile(original, () => d.Blobs.OpenRead(doc.Original.Digest), doc.Original.Digest);
            string? pdfa = null;
            if (doc.PdfA is { } copy)
            {
                pdfa = $"{documentFolder}/ban-pdfa.pdf";
                yield return new PackageFile(pdfa, () => d.Blobs.OpenRead(copy.Digest), copy.Digest);
            }
            if (doc.Text is { } text)
                yield return new PackageFile($"{documentFolder}/{TextFile}", () => d.Blobs.OpenRead(text.Digest), text.Digest);
            yield return Xml($"{documentFolder}/tt02.xml", Tt02MetadataXml.Of(doc.Document));
            if (doc.SignatureReport is { } report)
                yield return new PackageFile($"{documentFolder}/chu-ky.json", () => new MemoryStream(Encoding.UTF8.GetBytes(report)), null);
            yield return Xml($"{documentFolder}/premis.xml",
                PremisXml.Of(TransferService.PremisFiles(doc, original, pdfa), doc.Events));
        }
    }

    private static PackageFile Xml(string path, XDocument xml) => new(path, () =>
    {
        var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, XmlSettings)) xml.Save(writer);
        stream.Position = 0;
        return stream;
    }, null);

    private static string Extension(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is var extension && SafeExtension().IsMatch(extension) ? extension : "";

    [GeneratedRegex(@"^\.[a-z0-9]{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeExtension();

    private sealed record PackageFile(string Path, Func<Stream> Open, Sha256Digest? Known);
}
