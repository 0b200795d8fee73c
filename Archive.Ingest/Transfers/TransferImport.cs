using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.Core;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Archive.Core.Transfers;
using Archive.Core.Trust;
using Archive.Ingest.Signatures;
using Serilog;

namespace Archive.Ingest.Transfers;

/// <summary>
/// `archive transfer import`: the receiving archive's side of a transfer. The bag is checked whole (complete, every checksum), then
/// every dossier and document is read and checked before anything is filed: TT 02 metadata validated as if entered here, PREMIS
/// digests against the files, every signature validated again here and compared with the sender's report. One problem refuses
/// the package, with every reason. Then each dossier is filed in one transaction with its provenance and history, and indexed.
/// Importing the same package again after a crash files what is missing and skips what the first run filed.
/// </summary>
public sealed class TransferImport(ArchiveStore store, TransferService transfers, BagVerifier verifier, SignatureVerification signatures,
    ArchiveIndexing indexing, TimeProvider clock, ILogger log)
{
    private const string NoSignature = "NO_SIGNATURE";
    private readonly TransferPayloadReader _reader = new();
    private readonly ILogger _log = log.ForContext<TransferImport>();

    public async Task<TransferImportResult> ImportAsync(string bag, Actor actor, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        transfers.DemandArchivist(actor);
        progress?.Report("Kiểm tra gói: đủ tệp, không thừa tệp, mọi mã kiểm tra…");
        var verification = await verifier.VerifyAsync(bag, progress, cancellationToken).ConfigureAwait(false);
        if (!verification.Valid) throw new TransferRefusedException($"Gói '{bag}' không hợp lệ; không nhập gì.", verification.Problems);
        var packageId = verification.Info[BagInfo.ExternalIdentifier];
        if (string.IsNullOrWhiteSpace(packageId))
            throw new TransferRefusedException($"Gói '{bag}' không hợp lệ; không nhập gì.",
                ["bag-info.txt thiếu External-Identifier (mã gói)."]);
        var sender = verification.Info[BagInfo.SourceOrganization] ?? "";
        var provenance = $"{packageId} của {sender}, nhận ngày {clock.GetLocalNow().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

        progress?.Report("Đọc và kiểm tra từng hồ sơ, từng văn bản, kiểm tra lại chữ ký số…");
        var problems = new List<string>();
        var data = Path.Combine(Path.GetFullPath(bag), BagPath.PayloadFolder);
        var trust = new Lazy<Task<TrustStore>>(() => signatures.TrustAsync(null, null, cancellationToken));
        var toFile = new List<ImportedDossier>();
        var already = new List<ImportedDossier>();
        foreach (var folder in Directory.GetDirectories(data).Order(StringComparer.Ordinal))
        {
            var imported = await ReadDossierAsync(folder, packageId, provenance, sender, trust, problems, cancellationToken)
                .ConfigureAwait(false);
            if (imported is null) continue;
            try
            {
                if (transfers.CheckImport(imported)) toFile.Add(imported);
                else already.Add(imported);
            }
            catch (Exception e) when (e is CatalogValidationException or CatalogConflictException or InvalidRequestException
                                          or DossierLifecycleException)
            {
                problems.Add($"data/{Path.GetFileName(folder)}: {e.Message}");
            }
        }
        if (toFile.Count + already.Count == 0 && problems.Count == 0)
            problems.Add("Gói không có hồ sơ nào (thư mục có ho-so.xml trong data/).");
        if (problems.Count > 0) throw new TransferRefusedException($"Gói {packageId} không nhập được; không nhập gì.", problems);

        var filed = new List<string>();
        foreach (var imported in toFile)
        {
            var dossier = await transfers.FileImportAsync(imported, actor, cancellationToken).ConfigureAwait(false);
            filed.Add(dossier.FileCode.Value);
            progress?.Report($"Đã nhập hồ sơ {dossier.FileCode}: {imported.Documents.Count} văn bản.");
            store.Crash.Reached(CrashPoint.TransferMidImport);
        }
        // Also those of dossiers an interrupted run filed: it stopped before indexing them.
        var ids = toFile.Concat(already).SelectMany(d => d.Documents.Select(x => x.Id)).ToList();
        if (await indexing.AddAsync(ids, cancellationToken).ConfigureAwait(false) is { } warning) progress?.Report($"Cảnh báo: {warning}");
        _log.Information("Transfer package {Package} from {Sender} imported: {Filed} dossiers filed, {Already} already filed",
            packageId, sender, filed.Count, already.Count);
        return new TransferImportResult(packageId, sender, filed,
            already.Select(d => d.Metadata[Tt02Fields.Dossier.FileCode.Tag] ?? "").ToList(), toFile.Sum(d => d.Documents.Count));
    }

    private async Task<ImportedDossier?> ReadDossierAsync(string folder, string packageId, string provenance, string sender,
        Lazy<Task<TrustStore>> trust, List<string> problems, CancellationToken cancellationToken)
    {
        var code = Path.GetFileName(folder);
        var shown = $"data/{code}";
        var xml = Path.Combine(folder, "ho-so.xml");
        if (!File.Exists(xml))
        {
            problems.Add($"{shown}: thiếu ho-so.xml (siêu dữ liệu TT 02 của hồ sơ).");
            return null;
        }
        var (metadata, _) = _reader.Tt02(xml, "Dossier", problems, $"{shown}/ho-so.xml");
        if (metadata[Tt02Fields.Dossier.FileCode.Tag] != code)
            problems.Add($"{shown}/ho-so.xml: mã hồ sơ '{metadata[Tt02Fields.Dossier.FileCode.Tag]}' khác tên thư mục.");
        var documents = new List<ImportedDocument>();
        var folders = Directory.GetDirectories(folder).Select(f => (Path: f, Ordinal: Ordinal(code, Path.GetFileName(f))))
            .OrderBy(f => f.Ordinal).ToList();
        foreach (var (documentFolder, ordinal) in folders)
        {
            if (ordinal == int.MaxValue)
            {
                problems.Add($"{shown}/{Path.GetFileName(documentFolder)}: tên thư mục văn bản phải là '{code}.<số thứ tự>'.");
                continue;
            }
            if (await ReadDocumentAsync(documentFolder, ordinal, trust, problems, cancellationToken).ConfigureAwait(false) is { } document)
                documents.Add(document);
        }
        if (folders.Select(f => f.Ordinal).Where(o => o != int.MaxValue).ToList() is var ordinals
            && !ordinals.SequenceEqual(Enumerable.Range(1, ordinals.Count)))
            problems.Add($"{shown}: số thứ tự văn bản phải liền nhau từ 1 (có {string.Join(", ", ordinals)}).");
        return new ImportedDossier(metadata, documents, packageId, provenance, sender);
    }

    private async Task<ImportedDocument?> ReadDocumentAsync(string folder, int ordinal, Lazy<Task<TrustStore>> trust,
        List<string> problems, CancellationToken cancellationToken)
    {
        var shown = $"data/{Path.GetFileName(Path.GetDirectoryName(folder))}/{Path.GetFileName(folder)}";
        var count = problems.Count;
        var (metadata, id) = _reader.Tt02(Path.Combine(folder, "tt02.xml"), "Document", problems, $"{shown}/tt02.xml");
        if (id is null && problems.Count == count) problems.Add($"{shown}/tt02.xml: thiếu mã văn bản (thuộc tính id).");
        if (metadata[Tt02Fields.Document.DocOrdinal.Tag] != ordinal.ToString(CultureInfo.InvariantCulture))
            problems.Add($"{shown}/tt02.xml: số thứ tự văn bản khác tên thư mục.");
        var originals = Directory.GetFiles(folder, "ban-goc*");
        if (originals.Length != 1)
        {
            problems.Add($"{shown}: phải có đúng một bản gốc (ban-goc.*), có {originals.Length}.");
            return null;
        }
        var original = originals[0];
        var pdfa = Path.Combine(folder, "ban-pdfa.pdf");
        var text = Path.Combine(folder, TransferExport.TextFile);
        var (events, digests) = _reader.Premis(Path.Combine(folder, "premis.xml"), problems, $"{shown}/premis.xml");
        var relative = $"{Path.GetFileName(Path.GetDirectoryName(folder))}/{Path.GetFileName(folder)}/{Path.GetFileName(original)}";
        await using (var content = File.OpenRead(original))
        {
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));
            if (digests.GetValueOrDefault(relative) != sha256)
                problems.Add($"{shown}/premis.xml: mã SHA-256 của bản gốc trong lịch sử PREMIS không khớp tệp " +
                             $"{Path.GetFileName(original)}.");
        }
        var reportFile = Path.Combine(folder, "chu-ky.json");
        var report = File.Exists(reportFile) ? await File.ReadAllTextAsync(reportFile, cancellationToken).ConfigureAwait(false) : null;
        var sent = report is null ? null : _reader.Indication(report, problems, $"{shown}/chu-ky.json");
        string? again = null;
        if (sent is not null && sent != NoSignature)
        {
            try
            {
                var anchors = await trust.Value.ConfigureAwait(false);
                var checkedHere = await signatures.VerifyFileAsync(original, anchors, ValidationPolicy.Basic, cancellationToken)
                    .ConfigureAwait(false);
                again = JsonSerializer.Serialize(SignatureReportJson.From(checkedHere, Path.GetFileName(original)), ArchiveJson.Options);
                if (checkedHere.Indication.Name != sent)
                    problems.Add($"{shown}: chữ ký số khi lập gói là {sent}, kiểm tra lại tại đây là {checkedHere.Indication.Name}.");
            }
            catch (TrustMaterialException e)
            {
                problems.Add($"{shown}: không kiểm tra lại được chữ ký số: {e.Message}");
            }
        }
        if (id is null) return null;
        var receivedAs = events.Select(e => e.ObjectId).FirstOrDefault(o => o.Length > 0 && o != id);
        return new ImportedDocument(id, metadata, original, Path.GetFileName(original),
            Path.GetExtension(original).TrimStart('.').ToUpperInvariant(), File.Exists(pdfa) ? pdfa : null, File.Exists(text) ? text : null,
            again ?? report, receivedAs, events);
    }

    private static int Ordinal(string code, string name) =>
        name.StartsWith(code + ".", StringComparison.Ordinal)
        && int.TryParse(name[(code.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : int.MaxValue;
}
