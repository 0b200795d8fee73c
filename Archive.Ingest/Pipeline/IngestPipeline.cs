using Archive.Core.Issuing;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Ingest.Exchange;
using Archive.Ingest.Formats;
using Serilog;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// receive → checks (each a small stage) → inbox → accept into the dossier or return to the sender.
/// The original is stored in the inbox whatever the checks say, so nothing received is dropped; a
/// stage that fails names itself and stops that document only. edXML envelopes are opened and each
/// attachment goes through the same way, with a status message written back for the sender; so does
/// each file of a ZIP package. The envelope or package itself is stored as received, named by each of its files' items.
/// </summary>
/// <param name="preservation">Makes the PDF/A copy of each accepted document; none in tests that only exercise intake.</param>
public sealed class IngestPipeline(IReadOnlyList<IIngestCheck> checks, RecordsInbox inbox, DocumentPreservation? preservation, CrashPoint crash,
    TimeProvider clock, ILogger log)
{
    private const long MaxAttachmentBytes = 2L << 30;
    private readonly ILogger _log = log.ForContext<IngestPipeline>();

    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(string path, Tt02Metadata metadata, string? dossierCode, Actor actor,
        CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            return [new IngestOutcome(name, IngestOutcome.Rejected, null, dossierCode, null, [$"Không tìm thấy tệp '{path}'."], null, null, false)];
        switch (Identify(path, name))
        {
            case { Format: FileFormat.EdXml }:
                return await IngestEnvelopeAsync(path, metadata, dossierCode, actor, cancellationToken).ConfigureAwait(false);
            case { Format: FileFormat.Zip, Accepted: true }: // OOXML and ODF are identified as office documents, never as packages
                return await IngestPackageAsync(path, metadata, dossierCode, actor, cancellationToken).ConfigureAwait(false);
        }
        return [await IngestOneAsync(new IngestDocument(path, name, metadata, dossierCode), actor, cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>Makes the preservation copies a stopped run left unmade (see <see cref="DocumentPreservation.Backlog"/>); null problem when made.</summary>
    public async Task<IReadOnlyList<(InboxItem Item, ArchivedDocument Document, string? Problem)>> PreserveBacklogAsync(Actor actor,
        CancellationToken cancellationToken)
    {
        if (preservation is null) return [];
        var made = new List<(InboxItem, ArchivedDocument, string?)>();
        foreach (var (item, document) in preservation.Backlog(inbox))
            made.Add((item, document, await preservation.PreserveAcceptedAsync(inbox, item, document, actor, cancellationToken).ConfigureAwait(false)));
        return made;
    }

    private async Task<IngestOutcome> IngestOneAsync(IngestDocument document, Actor actor, CancellationToken cancellationToken)
    {
        var arrivedAt = clock.GetLocalNow();
        var events = new List<PreservationEvent>();
        if (document.Rejected) // the envelope it came in could not be opened
            events.Add(StageEvent.Of("gói tin edXML", PremisEventType.Validation, [.. document.Reasons], () => "đạt", clock.GetLocalNow()));
        foreach (var check in checks)
        {
            var before = document.Reasons.Count;
            try
            {
                await check.CheckAsync(document, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.Error(e, "Ingest stage {Stage} failed for {File}", check.Name, document.SourceName);
                document.Reasons.Add($"Bước kiểm tra {check.Name} không thực hiện được (lỗi của phần mềm, chi tiết trong nhật ký).");
            }
            events.Add(StageEvent.Of(check, document, before, clock.GetLocalNow()));
            if (document.Format is { Accepted: false }) break; // nothing else can be judged on a file of unknown kind
        }

        await using (var content = File.OpenRead(document.Path))
            document.InboxItem = await inbox.ReceiveAsync(content, new Reception(document.SourceName, FormatName(document), document.Metadata,
                document.Reasons, document.SenderOrganId, document.SenderOrganName, document.Priority, document.SignatureReport,
                document.DossierCode ?? document.Metadata["FileCode"], arrivedAt, events, document.Container, document.ExchangeId), actor,
                cancellationToken).ConfigureAwait(false);
        crash.Reached(CrashPoint.AfterReceive);
        var item = document.InboxItem;
        if (item.Reasons.Count > 0)
            return Outcome(document, item.Reasons.All(RecordsInbox.IsDuplicateReason) ? IngestOutcome.Duplicate : IngestOutcome.Rejected,
                item.Reasons);
        var dossier = document.DossierCode ?? document.Metadata["FileCode"];
        if (dossier is null) return Outcome(document, IngestOutcome.Pending, ["Chưa chỉ định hồ sơ: văn bản chờ văn thư lập hồ sơ."]);
        try
        {
            var (_, filed, arrival) = await inbox.AcceptAsync(item.Id, dossier, null, actor, cancellationToken).ConfigureAwait(false);
            document.Document = filed;
            document.Arrival = arrival;
            crash.Reached(CrashPoint.BeforePreservation);
            var notPreserved = preservation is null ? null
                : await preservation.PreserveAsync(document, actor, cancellationToken).ConfigureAwait(false);
            return Outcome(document, IngestOutcome.Accepted, notPreserved is null ? [] : [notPreserved]);
        }
        catch (Exception e) when (e is CatalogValidationException or DossierLifecycleException or CatalogNotFoundException or CatalogConflictException)
        {
            // The document stays pending in the inbox: the officer fixes the dossier or the metadata and accepts it.
            return Outcome(document, IngestOutcome.Pending, [$"Chưa lập được vào hồ sơ {dossier}: {e.Message}"]);
        }
    }

    private async Task<IReadOnlyList<IngestOutcome>> IngestEnvelopeAsync(string path, Tt02Metadata given, string? dossierCode, Actor actor,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("archive-edxml-").FullName;
        try
        {
            EdXmlMessage message;
            try
            {
                await using var envelope = File.OpenRead(path);
                message = await EdXmlReader.ReadAsync(envelope, folder, MaxAttachmentBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (EdXmlFormatException e)
            {
                // The envelope itself is kept in the inbox, returned with the reason.
                var rejected = new IngestDocument(path, Path.GetFileName(path), given, dossierCode);
                rejected.Reasons.Add(e.Message);
                return [await IngestOneAsync(rejected, actor, cancellationToken).ConfigureAwait(false)];
            }
            if (message.IsRecall) return [Recall(path, message, actor)];
            var metadata = given.Values.Aggregate(message.Metadata, (m, kv) => m.With(kv.Key, kv.Value));
            var outcomes = new List<IngestOutcome>();
            var container = message.Attachments.Count == 0 ? null : await KeepAsync(path, cancellationToken).ConfigureAwait(false);
            if (message.Attachments.Count == 0)
            {
                // Nothing to file: the envelope itself is kept and returned, never silently dropped.
                var empty = new IngestDocument(path, Path.GetFileName(path), metadata, dossierCode)
                {
                    SenderOrganId = message.FromOrganId, SenderOrganName = message.FromOrganName, Priority = message.Priority,
                };
                empty.Reasons.Add("Gói tin edXML không có tệp đính kèm: không có văn bản để tiếp nhận.");
                outcomes.Add(await IngestOneAsync(empty, actor, cancellationToken).ConfigureAwait(false));
            }
            foreach (var attachment in message.Attachments)
            {
                var document = new IngestDocument(attachment.Path, attachment.Name, metadata, dossierCode)
                {
                    SenderOrganId = message.FromOrganId, SenderOrganName = message.FromOrganName, Priority = message.Priority,
                    FromOtherAgency = true, Container = container, ExchangeId = message.DocumentId,
                };
                foreach (var tag in message.Metadata.Values.Keys.Where(t => given[t] is null))
                    document.MetadataSources[tag] = "gói tin edXML";
                outcomes.Add(await IngestOneAsync(document, actor, cancellationToken).ConfigureAwait(false));
            }
            WriteStatus(path, message, outcomes);
            return outcomes;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The sender recalls a document it sent: the copies received are marked; an unknown one is refused by name.</summary>
    private IngestOutcome Recall(string path, EdXmlMessage message, Actor actor)
    {
        var name = Path.GetFileName(path);
        try
        {
            var copies = inbox.RecallReceived(message.FromOrganId, message.DocumentId, message.Content, actor);
            _log.Information("Recall of {ExchangeId} from {Sender} marked {Count} received copies", message.DocumentId, message.FromOrganId,
                copies.Count);
            return new IngestOutcome(name, IngestOutcome.Recalled, copies[0].DocumentId, null, null,
                [$"Cơ quan gửi thu hồi văn bản {message.DocumentId}: đã đánh dấu {copies.Count} bản đã nhận là bị thu hồi."],
                copies[0].Id, null, false);
        }
        catch (Exception e) when (e is CatalogNotFoundException or InvalidRequestException)
        {
            return new IngestOutcome(name, IngestOutcome.Rejected, null, null, null, [e.Message], null, null, false);
        }
    }

    /// <summary>
    /// A ZIP package: each file in it goes through like an envelope's attachment, with the metadata given
    /// for the package and, per file, what its metadata.json says (keyed by entry name). A package that
    /// cannot be opened safely is itself kept in the inbox, returned with the reason.
    /// </summary>
    private async Task<IReadOnlyList<IngestOutcome>> IngestPackageAsync(string path, Tt02Metadata given, string? dossierCode, Actor actor,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("archive-zip-").FullName;
        try
        {
            ZipPackage package;
            FileMetadata perEntry;
            try
            {
                package = await ZipPackageReader.ExtractAsync(path, folder, ZipLimits.Default, cancellationToken).ConfigureAwait(false);
                perEntry = package.MetadataJson is { } json
                    ? FileMetadata.Parse(json, package.Entries.SelectMany(e => new[] { e.EntryName, e.Name }).ToList(), ZipPackage.MetadataEntry)
                    : FileMetadata.None;
                if (package.Entries.Count == 0) throw new ZipPackageException("Gói ZIP không có tệp văn bản nào.");
            }
            catch (Exception e) when (e is ZipPackageException or MetadataFormatException)
            {
                _log.Warning("Package {Package} cannot be opened: {Reason}", Path.GetFileName(path), e.Message);
                var rejected = new IngestDocument(path, Path.GetFileName(path), given, dossierCode);
                rejected.Reasons.Add(e.Message);
                return [await IngestOneAsync(rejected, actor, cancellationToken).ConfigureAwait(false)];
            }
            _log.Information("Package {Package} holds {Entries} files", Path.GetFileName(path), package.Entries.Count);
            var outcomes = new List<IngestOutcome>();
            var container = await KeepAsync(path, cancellationToken).ConfigureAwait(false);
            foreach (var entry in package.Entries)
            {
                var own = perEntry.For(entry.EntryName) is { Values.Count: > 0 } byPath ? byPath : perEntry.For(entry.Name);
                var document = new IngestDocument(entry.Path, entry.Name, given.Values.Aggregate(own, (m, kv) => m.With(kv.Key, kv.Value)), dossierCode)
                {
                    Container = container,
                };
                if (entry.Problem is { } problem) document.Reasons.Add(problem);
                if (FormatIdentifier.Identify(entry.Path).Format is FileFormat.Zip or FileFormat.EdXml)
                    document.Reasons.Add($"'{entry.EntryName}' là một gói lồng trong gói ZIP: gửi riêng từng gói.");
                outcomes.Add(await IngestOneAsync(document, actor, cancellationToken).ConfigureAwait(false));
            }
            return outcomes;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The envelope or package as received, stored before its files go through.</summary>
    private async Task<Archive.Core.Storage.StoredBlob> KeepAsync(string path, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(path);
        return await inbox.KeepContainerAsync(content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The status for the sender, beside the envelope: accepted, or rejected with every reason.</summary>
    private void WriteStatus(string envelopePath, EdXmlMessage message, IReadOnlyList<IngestOutcome> outcomes)
    {
        var rejected = outcomes.Where(o => o.Status is IngestOutcome.Rejected or IngestOutcome.Duplicate).ToList();
        var status = rejected.Count > 0 ? DeliveryStatus.Returned
            : outcomes.Any(o => o.Status == IngestOutcome.Accepted) ? DeliveryStatus.Accepted
            : DeliveryStatus.Received;
        var statusPath = envelopePath + ".status.xml";
        using var output = File.Create(statusPath);
        // From the agency the sender addressed: the one receiving it here.
        EdXmlStatusWriter.Write(output, message, status, message.ToOrganId, message.ToOrganName, rejected.SelectMany(o => o.Reasons).ToList(),
            clock.GetLocalNow());
        _log.Information("Wrote status {Status} for {Envelope} to {StatusPath}", status, envelopePath, statusPath);
    }

    private static FormatIdentification Identify(string path, string name)
    {
        using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        return FormatIdentifier.Identify(content, name);
    }

    private static string FormatName(IngestDocument document) =>
        document.Format is { } f ? FormatIdentifier.Name(f.Format) : "không rõ";

    private static IngestOutcome Outcome(IngestDocument document, string status, IReadOnlyList<string> reasons) =>
        new(document.SourceName, status, document.Document?.Id, document.Document?.FileCode.Value ?? document.DossierCode, document.Indication,
            reasons, document.InboxItem?.Id, document.Arrival?.Number, document.InboxItem?.Urgent ?? false);
}
