using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Storage;
using Archive.Ingest.Copies;
using Archive.Ingest.Exchange;
using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Ingest.Issuing;

/// <summary>
/// The steps of issuing that touch the file (Điều 12, 13): the signer's personal signature (made here with their key, or uploaded
/// already signed; either way verified before it is kept), the number written into the signed file as a change that signature
/// allows, the organisation signature at the top right of page 1 dated the issue date, then one edXML envelope per recipient in
/// the outgoing exchange folder; status messages back, and recalls.
/// </summary>
public sealed class OutgoingIssuing(ArchiveStore store, IssuingService issuing, SignatureVerification verification,
    CopyIssuingOptions agency, OutgoingExchange exchange, TimeProvider clock, ILogger log)
{
    /// <summary>The signer signs the current draft in the archive with their own key (PKCS#12 or PKCS#11).</summary>
    public async Task<OutgoingDocument> SignAsync(string id, SigningKeySource key, SignaturePlacement placement, Actor actor,
        CancellationToken cancellationToken)
    {
        var document = issuing.Get(id, actor);
        var folder = Directory.CreateTempSubdirectory("archive-outgoing-").FullName;
        try
        {
            var draft = Path.Combine(folder, "du-thao.pdf");
            var signed = Path.Combine(folder, "da-ky.pdf");
            await CopyOutAsync(issuing.OpenVersion(document.Id, document.DraftDigest, actor), draft, cancellationToken)
                .ConfigureAwait(false);
            using (var signingKey = key.Open())
                await Refusing(() => new PadesSigner(clock, log).SignAsync(draft, signed, signingKey, placement, null, cancellationToken))
                    .ConfigureAwait(false);
            return await KeepSignedAsync(document, signed, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The signer uploads the document they signed elsewhere; kept only when its newest signature is theirs and valid.</summary>
    public async Task<OutgoingDocument> AcceptSignedAsync(string id, Stream signedFile, Actor actor, CancellationToken cancellationToken)
    {
        var document = issuing.Get(id, actor);
        var folder = Directory.CreateTempSubdirectory("archive-outgoing-").FullName;
        try
        {
            var signed = Path.Combine(folder, "da-ky.pdf");
            await CopyOutAsync(signedFile, signed, cancellationToken).ConfigureAwait(false);
            return await KeepSignedAsync(document, signed, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<OutgoingDocument> KeepSignedAsync(OutgoingDocument document, string signed, Actor actor,
        CancellationToken cancellationToken)
    {
        var (trust, hint) = await verification.TrustOrNoneAsync(null, null, cancellationToken).ConfigureAwait(false);
        var report = await verification.VerifyFileAsync(signed, trust, ValidationPolicy.Basic, cancellationToken).ConfigureAwait(false);
        var personal = report.Signatures.Count > 0 ? report.Signatures[^1] : null;
        if (personal is null)
            throw new InvalidRequestException("Tệp không có chữ ký số: văn bản đi cần chữ ký số cá nhân của người có thẩm quyền.");
        if (personal.Kind != SignerKind.Personal)
            throw new InvalidRequestException(
                $"Chữ ký mới nhất ({personal.Signer?.CommonName}) không phải chữ ký số cá nhân; " +
                "chữ ký cơ quan do văn thư ký sau khi cấp số.");
        if (personal.Indication != SignatureIndication.TotalPassed)
            throw new InvalidRequestException(
                $"Chữ ký của {personal.Signer?.CommonName} {personal.Indication.Vietnamese} ({personal.Indication.Name}" +
                $"{(personal.SubIndication is { } sub ? "/" + sub : "")}): {string.Join("; ", personal.Messages)}" +
                (hint is null ? "" : $" {hint}"));
        await using var content = File.OpenRead(signed);
        return await issuing.RecordSignatureAsync(document.Id, content, personal.Signer?.CommonName ?? "?",
            personal.SigningTime ?? clock.GetUtcNow(), actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the number, writes it into the signed file, adds the organisation signature (agency key, top right of page 1, today)
    /// and files the result into the dossier. A failure after the number was taken keeps the number for the next attempt.
    /// </summary>
    public async Task<OutgoingDocument> NumberAsync(string id, SigningKeySource? organisationKey, Actor actor,
        CancellationToken cancellationToken)
    {
        var keys = organisationKey ?? agency.AgencyKey
            ?? throw new InvalidRequestException("Chưa có khoá ký của cơ quan: quản trị viên cấu hình Archive:Copies:Key " +
                                                 "(tệp PKCS#12 hoặc thiết bị ký PKCS#11).");
        var issue = issuing.ReserveNumber(id, actor);
        var folder = Directory.CreateTempSubdirectory("archive-outgoing-").FullName;
        try
        {
            var signed = Path.Combine(folder, "da-ky.pdf");
            var numbered = Path.Combine(folder, "da-cap-so.pdf");
            var sealedPdf = Path.Combine(folder, "phat-hanh.pdf");
            await CopyOutAsync(store.Blobs.OpenRead(Sha256Digest.Parse(issue.SignedDigest)), signed, cancellationToken)
                .ConfigureAwait(false);
            await Refusing(() => NumberStamp.WriteAsync(signed, numbered, issue.NumberText, cancellationToken)).ConfigureAwait(false);
            using (var key = keys.Open())
                await Refusing(() => new PadesSigner(clock, log)
                    .SignAsync(numbered, sealedPdf, key, SignaturePlacement.TopRight, null, cancellationToken)).ConfigureAwait(false);
            await using var content = File.OpenRead(sealedPdf);
            var filed = await issuing.FileAsync(issue, content, actor, cancellationToken).ConfigureAwait(false);
            log.Information("Outgoing document {Id} numbered {Code} and sealed as document {DocumentId}", filed.Id, filed.Code,
                filed.DocumentId);
            return filed;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Writes one envelope per recipient into the outgoing exchange folder (each whole or not at all), then marks the document issued.
    /// Written again after a crash: an envelope is the same for the same document.
    /// </summary>
    public async Task<OutgoingDocument> IssueAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var document = issuing.Get(id, actor);
        if (document.Status != OutgoingStatus.Numbered)
            throw new CatalogConflictException(document.Status == OutgoingStatus.Issued
                ? $"Văn bản {document.Code} đã phát hành."
                : $"Văn bản chưa được cấp số và ký số cơ quan ({OutgoingStatusName.Of(document.Status)}); chưa phát hành được.");
        var ready = document with { ExchangeId = IssuingService.ExchangeIdOf(document) };
        var original = store.Catalog.Read(s =>
            s.Blobs.Where(b => b.OwnerId == document.DocumentId && b.Role == DocumentFiling.OriginalRole)).Single();
        foreach (var recipient in ready.Recipients)
            await exchange.WriteAsync(ready, recipient, async (output, ct) =>
            {
                await using var content = store.Blobs.OpenRead(Sha256Digest.Parse(original.Id));
                await EdXmlEnvelopeWriter.WriteAsync(output, ready, recipient, AttachmentName(ready), content, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        return issuing.MarkIssued(id, actor);
    }

    /// <summary>Recalls an issued document and writes a recall (SteeringType 1) for each recipient.</summary>
    public async Task<OutgoingDocument> RecallAsync(string id, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var recalled = issuing.Recall(id, reason, actor);
        // A paper document is recalled on paper: there is nothing to send over the exchange.
        foreach (var recipient in recalled.OnPaper ? Enumerable.Empty<OutgoingRecipient>() : recalled.Recipients)
            await exchange.WriteAsync(recalled, recipient,
                (output, ct) => EdXmlEnvelopeWriter.WriteAsync(output, recalled, recipient, null, null, ct, reason), cancellationToken,
                recall: true).ConfigureAwait(false);
        return recalled;
    }

    /// <summary>Reads a status message a recipient sent back and records it against the document and that recipient.</summary>
    public async Task<OutgoingDocument> ReceiveStatusAsync(Stream message, Actor actor, CancellationToken cancellationToken)
    {
        DeliveryReport report;
        try
        {
            report = await EdXmlReader.ReadStatusAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (EdXmlFormatException e)
        {
            throw new InvalidRequestException(e.Message);
        }
        return issuing.RecordDelivery(report, actor);
    }

    /// <summary>The file name recipients see: "05-QĐ-UBND.pdf".</summary>
    private static string AttachmentName(OutgoingDocument document) => $"{document.Code!.Replace('/', '-')}.pdf";

    private static async Task CopyOutAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        await using (source)
        await using (var file = File.Create(path))
            await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file the PDF tools cannot work on is the user's problem to fix, said in their words.</summary>
    private static async Task Refusing(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidRequestException(e.Message);
        }
    }
}
