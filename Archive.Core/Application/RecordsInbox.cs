using System.Globalization;
using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>
/// The inbox "Chờ lưu trữ" (Điều 10): every received document is stored with its check results
/// before anything is decided, so nothing received is dropped; it is then accepted (filed, given its
/// arrival number in the same transaction) or returned to the sender with the reasons.
/// </summary>
/// <param name="policy">The access policy: receiving, reading and deciding are each a right of their own.</param>
public sealed class RecordsInbox(ArchiveStore store, TimeProvider clock, RestrictedCollection? restricted = null,
    AccessPolicy? policy = null)
{
    private readonly AccessPolicy _policy = policy ?? new AccessPolicy();

    public const string ReceivedRole = "received";
    /// <summary>The envelope or package a received file came in.</summary>
    public const string ContainerRole = "container";

    /// <summary>
    /// Stores an edXML envelope or ZIP package as received, before its files go through: each file's item refers to it
    /// (<see cref="Reception.Container"/>), so what the sender sent is kept whole, not only what was inside.
    /// </summary>
    public Task<StoredBlob> KeepContainerAsync(Stream content, CancellationToken cancellationToken) => store.Blobs.PutAsync(content, cancellationToken);

    /// <summary>
    /// Stores what arrived; problems found by the checks make it rejected at once, a duplicate too. The
    /// item's PREMIS events (ingestion, the checks' events, the digest, the duplicate check) commit in the
    /// same transaction as the item: never an item without its history, nor a history without its item.
    /// </summary>
    public async Task<InboxItem> ReceiveAsync(Stream content, Reception reception, Actor actor, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var arrivedAt = reception.ArrivedAt ?? clock.GetLocalNow();
        var work = store.BeginWork();
        var blob = await work.AddBlobAsync(content, ReceivedRole, id, cancellationToken).ConfigureAwait(false);
        if (reception.Container is { } container) work.Reference(container, ContainerRole, id);
        var hashedAt = clock.GetLocalNow();
        return await work.CommitAsync(actor, session =>
        {
            _policy.Demand(session, actor, Operation.Ingest);
            // The same bytes received again while still pending (a retry after a crash): the same item, not a new one;
            // its history was recorded when it was first received.
            if (session.Inbox.Where(i => i.Digest == blob.Digest.Hex && i.Status == InboxStatus.Pending).FirstOrDefault() is { } pending)
                return pending;
            var duplicates = Duplicates(session, blob.Digest.Hex, reception.Metadata).ToList();
            var reasons = new List<string>(reception.Problems);
            reasons.AddRange(duplicates);
            var rejected = reasons.Count > 0;
            var item = new InboxItem
            {
                Id = id, ReceivedAt = clock.GetLocalNow(), SourceName = Path.GetFileName(reception.SourceName), Digest = blob.Digest.Hex,
                ContainerDigest = reception.Container?.Digest.Hex,
                Length = blob.Length, Format = reception.Format, SenderOrganId = reception.SenderOrganId,
                ExchangeId = reception.ExchangeId, ReceivedFor = actor.Agency?.Value
                              ?? (DossierCode.TryParse(reception.TargetDossier, out var target) ? target.Organ.Value : null),
                SenderOrganName = reception.SenderOrganName ?? reception.Metadata["OrganName"], Priority = reception.Priority,
                Urgent = Urgency.IsUrgent(reception.Priority), MetadataJson = JsonSerializer.Serialize(reception.Metadata.Values),
                SignatureReport = reception.SignatureReport, Reasons = reasons, TargetDossier = reception.TargetDossier,
                Status = rejected ? InboxStatus.Rejected : InboxStatus.Pending, DecidedAt = rejected ? clock.GetLocalNow() : null,
                DecidedBy = rejected ? actor.Name : null, SenderNotice = rejected ? Notice(reception, reasons) : null,
            };
            session.Inbox.Insert(item);
            session.Events.InsertMany(ReceptionEvents(item, reception, arrivedAt, hashedAt, duplicates, actor));
            session.Record(new AuditChange(rejected ? "inbox.receive-rejected" : "inbox.receive", nameof(InboxItem), id, null,
                JsonSerializer.Serialize(new { item.SourceName, item.Digest, item.Status, item.Reasons })));
            return item;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The preservation history of a received document, oldest first. Events up to filing name the inbox
    /// item (there is no document yet, and a rejected one never gets one); from filing on, the document id
    /// (the PDF/A migration, and later events). The item keeps its DocumentId, so the
    /// item id alone leads to the whole history. Fixity events name blob digests: they concern stored files.
    /// </summary>
    public IReadOnlyList<PreservationEvent> History(string itemId, Actor actor)
    {
        var item = Item(itemId, actor);
        var document = item.DocumentId;
        var events = store.Catalog.Read(s => s.Events.Where(e => e.ObjectId == itemId || (document != null && e.ObjectId == document))).ToList();
        // A restricted document's later events live in the air-gapped catalog; read only when that is open already.
        if (document is not null && restricted is { Exists: true, IsOpen: true })
            events.AddRange(restricted.Open().Catalog.Read(s => s.Events.Where(e => e.ObjectId == document)));
        return events.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Files a pending document into a dossier and gives it the next arrival number of the year.</summary>
    public async Task<(InboxItem Item, ArchivedDocument Document, ArrivalEntry Arrival)> AcceptAsync(string itemId, string dossierCode,
        Tt02Metadata? corrections, Actor actor, CancellationToken cancellationToken)
    {
        Demand(actor, Operation.InboxDecide);
        var item = Find(itemId);
        if (item.Status != InboxStatus.Pending)
            throw new CatalogConflictException($"Văn bản {itemId} trong hộp thư đã được xử lý ({Vietnamese(item.Status)}).");
        if (!ReferenceEquals(new CatalogService(store, clock, restricted, _policy).StoreOf(dossierCode), store))
            throw new CatalogConflictException(
                $"Hồ sơ {dossierCode} thuộc kho hạn chế sử dụng (cách ly, Điều 16.6): văn bản trong hộp thư không được lập thẳng vào đó. " +
                "Chép bản gốc sang máy của kho cách ly và lập văn bản vào hồ sơ ngay trên máy đó.");
        var metadata = Metadata(item);
        foreach (var (tag, value) in corrections?.Values ?? new Dictionary<string, string>()) metadata = metadata.With(tag, value);
        ArrivalEntry? arrival = null;
        InboxItem? accepted = null;
        await using var content = store.Blobs.OpenRead(Sha256Digest.Parse(item.Digest));
        var document = await new DocumentFiling(store, clock, restricted, _policy).FileAsync(dossierCode, metadata, content, actor,
            cancellationToken, (session, filed) =>
            {
                _policy.Demand(session, actor, Operation.InboxDecide);
                var current = session.Inbox.Get(itemId)!;
                if (current.Status != InboxStatus.Pending)
                    throw new CatalogConflictException($"Văn bản {itemId} trong hộp thư đã được xử lý ({Vietnamese(current.Status)}).");
                var now = clock.GetLocalNow();
                // Counted inside the write transaction: numbers follow each other with no gap and no repeat.
                var number = session.Arrivals.Count(a => a.Year == now.Year) + 1;
                arrival = new ArrivalEntry
                {
                    Id = ArrivalEntry.IdOf(now.Year, number), Year = now.Year, Number = number, ArrivalDate = now, DocumentId = filed.Id,
                    InboxItemId = itemId, Priority = current.Priority,
                };
                session.Arrivals.Insert(arrival);
                accepted = current with
                {
                    Status = InboxStatus.Accepted, DocumentId = filed.Id, ArrivalId = arrival.Id, DecidedAt = now, DecidedBy = actor.Name,
                    TargetDossier = dossierCode, AwaitingPreservation = true,
                };
                session.Inbox.Update(accepted);
                session.Record(new AuditChange("inbox.accept", nameof(InboxItem), itemId, "Pending",
                    JsonSerializer.Serialize(new { filed.Id, arrival.Number, arrival.Year, dossierCode })));
            }).ConfigureAwait(false);
        return (accepted!, document, arrival!);
    }

    /// <summary>
    /// Finishes what a crash interrupted: pending items that passed their checks and name a dossier
    /// are filed now. Items that cannot be filed stay pending for the officer.
    /// </summary>
    public async Task<IReadOnlyList<(InboxItem Item, ArchivedDocument Document, ArrivalEntry Arrival)>> ResumeAsync(Actor actor,
        CancellationToken cancellationToken)
    {
        var resumed = new List<(InboxItem, ArchivedDocument, ArrivalEntry)>();
        // The run finishing its own work: whoever may receive may finish what an earlier receiving left (each filing is still judged).
        Demand(actor, Operation.Ingest);
        var pending = store.Catalog.Read(s => s.Inbox.Where(i => i.Status == InboxStatus.Pending)).OrderBy(i => i.ReceivedAt);
        foreach (var item in pending.Where(i => i.TargetDossier is not null && i.Reasons.Count == 0))
        {
            try
            {
                resumed.Add(await AcceptAsync(item.Id, item.TargetDossier!, null, actor, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is CatalogValidationException or DossierLifecycleException or CatalogNotFoundException)
            {
                // Left pending, with its dossier, for the officer to decide.
            }
        }
        return resumed;
    }

    /// <summary>Accepted items whose preservation copy is neither made nor recorded as failed (an index finds them).</summary>
    public IReadOnlyList<InboxItem> AwaitingPreservation() => store.Catalog.Read(s => s.Inbox.Where(i => i.AwaitingPreservation));

    /// <summary>Where the bytes received for <paramref name="item"/> are stored (read-only).</summary>
    public string ReceivedFile(InboxItem item) => store.Blobs.Location(Sha256Digest.Parse(item.Digest));

    /// <summary>Returns a pending document to its sender: it stays in the inbox with the reasons and the notice.</summary>
    public InboxItem Reject(string itemId, IReadOnlyList<string> reasons, Actor actor)
    {
        if (reasons.Count == 0 || reasons.All(string.IsNullOrWhiteSpace))
            throw new CatalogValidationException(ValidationError.For(Tt02Fields.Document.Description, "trả lại văn bản phải nêu lý do."));
        return store.Catalog.Write(actor, session =>
        {
            _policy.Demand(session, actor, Operation.InboxDecide);
            var item = session.Inbox.Get(itemId) ?? throw NotFound(itemId);
            if (item.Status != InboxStatus.Pending)
                throw new CatalogConflictException($"Văn bản {itemId} trong hộp thư đã được xử lý ({Vietnamese(item.Status)}).");
            var rejected = item with
            {
                Status = InboxStatus.Rejected, Reasons = [.. item.Reasons, .. reasons], DecidedAt = clock.GetLocalNow(), DecidedBy = actor.Name,
                SenderNotice = Notice(item.SourceName, item.SenderOrganName, [.. item.Reasons, .. reasons]),
            };
            session.Inbox.Update(rejected);
            session.Record(new AuditChange("inbox.reject", nameof(InboxItem), itemId, "Pending", string.Join("; ", reasons)));
            return rejected;
        });
    }

    /// <summary>
    /// A recall the sender sent (edXML SteeringType 1): every copy received from that agency under that document identifier is
    /// marked recalled (kept, never deleted: what was received stays on record). None found is refused by name.
    /// </summary>
    public IReadOnlyList<InboxItem> RecallReceived(string? senderOrganId, string? exchangeId, string? note, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(senderOrganId) || string.IsNullOrWhiteSpace(exchangeId))
            throw new InvalidRequestException("Thông điệp thu hồi không ghi cơ quan gửi (From/OrganId) hoặc mã văn bản (DocumentId).");
        return store.Catalog.Write(actor, session =>
        {
            _policy.Demand(session, actor, Operation.Ingest);
            var copies = session.Inbox.Where(i => i.ExchangeId == exchangeId).Where(i => i.SenderOrganId == senderOrganId).ToList();
            if (copies.Count == 0)
                throw new CatalogNotFoundException(
                    $"Thông điệp thu hồi văn bản {exchangeId} của {senderOrganId}: không có văn bản nào đã nhận với mã đó từ cơ quan đó.");
            var now = clock.GetLocalNow();
            var recalled = copies.Where(i => i.RecalledAt is null).Select(i => i with { RecalledAt = now, RecallNote = note }).ToList();
            foreach (var item in recalled)
            {
                session.Inbox.Update(item);
                session.Record(new AuditChange("inbox.recalled", nameof(InboxItem), item.Id, null,
                    JsonSerializer.Serialize(new { exchangeId, senderOrganId, item.DocumentId })));
            }
            return recalled.Count > 0 ? recalled : copies;
        });
    }

    /// <summary>The inbox, urgent documents first (they are presented at once), then oldest first.</summary>
    public IReadOnlyList<InboxItem> List(Actor actor, InboxStatus? status = null) => List(actor, new InboxFilter(status));

    /// <summary>The items the filter lets through, urgent pending ones first, then in the order they arrived.</summary>
    public IReadOnlyList<InboxItem> List(Actor actor, InboxFilter filter) =>
        store.Catalog.Read(s =>
            {
                _policy.Demand(s, actor, Operation.InboxRead);
                return filter.Status is { } wanted ? s.Inbox.Where(i => i.Status == wanted) : s.Inbox.All();
            })
            .Where(filter.Matches).OrderByDescending(i => i.Urgent && i.Status == InboxStatus.Pending).ThenBy(i => i.ReceivedAt).ToList();

    /// <summary>Every item received with exactly these bytes, oldest first.</summary>
    public IReadOnlyList<InboxItem> Holding(Sha256Digest digest) =>
        store.Catalog.Read(s => s.Inbox.Where(i => i.Digest == digest.Hex)).OrderBy(i => i.ReceivedAt).ToList();

    public InboxItem Item(string itemId, Actor actor)
    {
        Demand(actor, Operation.InboxRead);
        return Find(itemId);
    }

    /// <summary>Refuses, before any file is read, an actor who may not receive documents.</summary>
    public void EnsureMayReceive(Actor actor) => Demand(actor, Operation.Ingest);

    private InboxItem Find(string itemId) => store.Catalog.Read(s => s.Inbox.Get(itemId)) ?? throw NotFound(itemId);

    private void Demand(Actor actor, Operation operation) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, operation);
        return 0;
    });

    public static Tt02Metadata Metadata(InboxItem item) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(item.MetadataJson) ?? [])
        .Aggregate(Tt02Metadata.Empty, (m, kv) => m.With(kv.Key, kv.Value));

    /// <summary>TT02.md §4: same bytes; same mã định danh; same số, ký hiệu and issuing agency.</summary>
    private static IEnumerable<string> Duplicates(ICatalogSession session, string digest, Tt02Metadata metadata)
    {
        if (session.Inbox.Count(i => i.Digest == digest && i.Status != InboxStatus.Rejected) > 0)
            yield return "Trùng: tệp giống hệt (cùng mã băm SHA-256) đã được tiếp nhận trước đó.";
        if (metadata["DocCode"] is { } docCode && session.Documents.Count(d => d.DocCode == docCode) > 0)
            yield return $"Trùng: mã định danh văn bản {docCode} đã có trong kho.";
        if (metadata["CodeNumber"] is { } number && metadata["CodeNotation"] is { } notation && metadata["OrganName"] is { } organ &&
            session.Documents.Count(d => d.CodeNumber == number && d.CodeNotation == notation && d.OrganName == organ) > 0)
            yield return $"Trùng: văn bản số {number}/{notation} của {organ} đã có trong kho.";
    }

    private IEnumerable<PreservationEvent> ReceptionEvents(InboxItem item, Reception reception, DateTimeOffset arrivedAt, DateTimeOffset hashedAt,
        IReadOnlyList<string> duplicates, Actor actor)
    {
        var agent = $"archive ({actor.Name})";
        var events = new List<PreservationEvent>
        {
            new()
            {
                Type = PremisEventType.Ingestion, At = arrivedAt, Agent = agent, Outcome = PremisEventType.Success,
                Detail = $"Nhận tệp '{item.SourceName}' ({item.Length} byte{(item.SenderOrganName is { } from ? $", từ {from}" : "")}) " +
                         $"vào hộp thư Chờ lưu trữ, bản gốc lưu nguyên vẹn; {Vietnamese(item.Status)}.",
            },
        };
        events.AddRange(reception.Events ?? []);
        events.Add(new PreservationEvent
        {
            Type = PremisEventType.MessageDigestCalculation, At = hashedAt, Agent = agent, Outcome = PremisEventType.Success,
            Detail = $"SHA-256 của bản gốc: {item.Digest} ({item.Length} byte).",
        });
        events.Add(new PreservationEvent
        {
            Type = PremisEventType.Validation, At = clock.GetLocalNow(), Agent = agent,
            Outcome = duplicates.Count == 0 ? PremisEventType.Success : PremisEventType.Failure,
            Detail = duplicates.Count == 0 ? "trùng lặp: không trùng." : "trùng lặp: không đạt — " + string.Join("; ", duplicates),
        });
        // Kept in the order they happened even where the clock did not move between two of them.
        var previous = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            var at = e.At > previous ? e.At : previous.AddTicks(1);
            previous = at;
            yield return e with { ObjectId = item.Id, At = at };
        }
    }

    public static bool IsDuplicateReason(string reason) => reason.StartsWith("Trùng:", StringComparison.Ordinal);

    private static string Notice(Reception reception, IReadOnlyList<string> reasons) =>
        Notice(Path.GetFileName(reception.SourceName), reception.SenderOrganName ?? reception.Metadata["OrganName"], reasons);

    private static string Notice(string sourceName, string? sender, IReadOnlyList<string> reasons) =>
        $"Kính gửi {sender ?? "cơ quan gửi"}: văn bản '{sourceName}' không được tiếp nhận vì: " +
        string.Join("; ", reasons) + ". Đề nghị kiểm tra và gửi lại.";

    private static CatalogNotFoundException NotFound(string id) => new($"Không có văn bản '{id}' trong hộp thư Chờ lưu trữ.");

    private static string Vietnamese(InboxStatus status) => status switch
    {
        InboxStatus.Accepted => "đã tiếp nhận",
        InboxStatus.Rejected => "đã trả lại",
        _ => "chờ xử lý",
    };
}

/// <summary>What came with a received file and what the checks before the inbox found.</summary>
/// <param name="ArrivedAt">When the file arrived, before the checks ran (the ingestion event's time); now when not given.</param>
/// <param name="Events">The checks' PREMIS events, in order; the inbox names the new item as their object.</param>
/// <param name="Container">The envelope or package the file came in, stored by <see cref="RecordsInbox.KeepContainerAsync"/>.</param>
public sealed record Reception(
    string SourceName,
    string Format,
    Tt02Metadata Metadata,
    IReadOnlyList<string> Problems,
    string? SenderOrganId = null,
    string? SenderOrganName = null,
    string? Priority = null,
    string? SignatureReport = null,
    string? TargetDossier = null,
    DateTimeOffset? ArrivedAt = null,
    IReadOnlyList<PreservationEvent>? Events = null,
    StoredBlob? Container = null,
    string? ExchangeId = null);
