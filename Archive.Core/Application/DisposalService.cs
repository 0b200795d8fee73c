using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Disposal;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Core.Transfers;

namespace Archive.Core.Application;

/// <summary>
/// Retention and disposal (MoReq2010 §8–9): the dossiers whose retention runs out, the appraisal council's decision as the
/// archivist records it, holds that forbid destruction, the head of the agency's approval, and the destruction itself: the
/// content removed from the blob store (and so from every later backup), the metadata kept as a tombstone that names the
/// signed destruction record, a PREMIS deletion event per document. Every step is audited.
/// </summary>
public sealed class DisposalService(ArchiveStore store, CatalogService catalog, AccessPolicy policy, TimeProvider clock,
    TransferRules? rules = null)
{
    /// <summary>The role of the blob that holds a signed destruction record (biên bản hủy).</summary>
    public const string RecordRole = "destruction-record";

    private readonly TransferRules _rules = rules ?? TransferRules.Law2024;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// Closed dossiers of the actor's view whose retention has ended or ends within the warning period, oldest first. For the
    /// archivist who prepares the appraisal and the leader who approves destructions.
    /// </summary>
    /// <param name="restrictedCollection">List the air-gapped collection instead of the main catalog.</param>
    public IReadOnlyList<DisposalCandidate> Expiring(Actor actor, int? withinDays = null, bool restrictedCollection = false)
    {
        Demand(actor, actor.Has(Role.Leader) && !actor.Has(Role.Archivist) ? Operation.DisposalApprove : Operation.Appraise);
        var today = Today;
        var horizon = today.AddDays(withinDays ?? _rules.WarningDays);
        return catalog.Dossiers(actor, null, restrictedCollection)
            .Where(d => d.Status is DossierStatus.Closed or DossierStatus.Transferred && d.RetentionEnds <= horizon)
            .Select(d => new DisposalCandidate(d, d.RetentionEnds!.Value, d.RetentionEnds < today))
            .OrderBy(c => c.RetentionEnds).ThenBy(c => c.Dossier.FileCode.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Records the council's decision on a dossier on the expiry list: keep it longer (<paramref name="longer"/> must be longer
    /// than its retention now), make it permanent for the historical archive, or destroy it once the head approves.
    /// </summary>
    public Dossier Review(string code, AppraisalDecision decision, string council, RetentionPeriod? longer, string? reason,
        Actor actor)
    {
        Demand(actor, Operation.Appraise);
        if (string.IsNullOrWhiteSpace(council))
            throw new InvalidRequestException("Ghi số và ngày biên bản hoặc quyết định của Hội đồng xác định giá trị tài liệu.");
        return catalog.WriteOn(code, actor, (session, judge) =>
        {
            var before = CatalogService.FindDossier(session, code);
            judge(before, Operation.DossierManage);
            if (before.RetentionEnds is { } ends && ends > Today.AddDays(_rules.WarningDays))
                throw new DossierLifecycleException(before.FileCode, before.Status,
                    $"Hồ sơ {before.FileCode} còn thời hạn bảo quản đến hết ngày {ends:dd/MM/yyyy}; chưa đến lúc xác định giá trị.");
            var retention = decision switch
            {
                AppraisalDecision.Transfer => RetentionPeriod.Permanent,
                AppraisalDecision.Keep when longer is not null && longer.CompareTo(before.Maintenance) > 0 => longer,
                AppraisalDecision.Keep => throw new InvalidRequestException(
                    $"Giữ lại hồ sơ {before.FileCode}: ghi thời hạn bảo quản mới, dài hơn {before.Maintenance.Value}."),
                _ => before.Maintenance,
            };
            var after = before.Appraise(new Appraisal
            {
                Decision = decision, Council = council.Trim(), Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
                ReviewedBy = actor.Name, ReviewedAt = clock.GetLocalNow(),
            }, retention);
            session.Dossiers.Update(after);
            session.Record(new AuditChange("dossier.appraise", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                AuditSummary.Of(after)));
            return after;
        });
    }

    /// <summary>Puts a hold on a dossier: it may not be destroyed until the hold is lifted.</summary>
    public LegalHold Hold(string code, string reason, Actor actor)
    {
        Demand(actor, Operation.LegalHold);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidRequestException("Ghi lý do giữ hồ sơ (ví dụ: đang thanh tra, giải quyết khiếu nại, vụ án).");
        var hold = new LegalHold { Reason = reason.Trim(), PlacedBy = actor.Name, PlacedAt = clock.GetLocalNow() };
        catalog.WriteOn(code, actor, (session, judge) =>
        {
            var before = CatalogService.FindDossier(session, code);
            judge(before, Operation.DossierRead);
            var after = before.Hold(hold);
            session.Dossiers.Update(after);
            session.Record(new AuditChange("dossier.hold", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                AuditSummary.Of(after)));
            return after;
        });
        return hold;
    }

    /// <summary>Lifts a hold, with the reason it no longer applies.</summary>
    public Dossier Release(string code, string holdId, string reason, Actor actor)
    {
        Demand(actor, Operation.LegalHold);
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidRequestException("Ghi lý do gỡ lệnh giữ hồ sơ.");
        return catalog.WriteOn(code, actor, (session, judge) =>
        {
            var before = CatalogService.FindDossier(session, code);
            judge(before, Operation.DossierRead);
            var after = before.Release(holdId.Trim());
            session.Dossiers.Update(after);
            session.Record(new AuditChange("dossier.release", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                JsonSerializer.Serialize(new { hold = holdId.Trim(), reason = reason.Trim(), dossier = AuditSummary.Of(after) })));
            return after;
        });
    }

    /// <summary>
    /// The head of the agency (a leader who heads no unit) approves the destructions the council decided; refused while a hold
    /// lasts.
    /// </summary>
    public IReadOnlyList<Dossier> Approve(IReadOnlyList<string> codes, Actor actor)
    {
        Demand(actor, Operation.DisposalApprove);
        if (!actor.IsOperator && actor.Unit is not null)
            throw new AccessDeniedException(
                $"Chỉ người đứng đầu cơ quan duyệt hủy tài liệu; {actor.Name} là lãnh đạo đơn vị {actor.Unit}.");
        return codes.Distinct(StringComparer.Ordinal).Select(code => catalog.WriteOn(code, actor, (session, judge) =>
        {
            var before = CatalogService.FindDossier(session, code);
            judge(before, Operation.DossierRead);
            var after = before.ApproveDestruction(actor.Name, clock.GetLocalNow());
            session.Dossiers.Update(after);
            session.Record(new AuditChange("dossier.approve-destruction", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                AuditSummary.Of(after)));
            return after;
        })).ToList();
    }

    /// <summary>
    /// Checks the dossiers for destruction (the archivist's role, manage on each, approved, no hold, retention over) and finds
    /// the stored files only their documents use, in the store that holds each (the main one or the restricted collection). A
    /// dossier destroyed by an interrupted run comes back as unfinished.
    /// </summary>
    public DestructionPlan Plan(IReadOnlyList<string> codes, Actor actor)
    {
        if (codes.Count == 0) throw new InvalidRequestException("Chọn ít nhất một hồ sơ để hủy.");
        Demand(actor, Operation.Appraise);
        var toDestroy = new List<DossierContent>();
        var unfinished = new List<Dossier>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            var source = catalog.StoreOf(code);
            source.Catalog.Read(s =>
            {
                var dossier = CatalogService.FindDossier(s, code);
                Judge(source, s, actor, dossier);
                if (dossier.Status == DossierStatus.Destroyed && Unpurged(source, s, dossier, OwnersOf(s, dossier)).Count > 0)
                    unfinished.Add(dossier);
                else
                {
                    dossier.EnsureDestroyable(Today);
                    toDestroy.Add(ContentOf(s, dossier) with { Source = source });
                }
                return 0;
            });
        }
        return new DestructionPlan(toDestroy, unfinished);
    }

    /// <summary>
    /// Destroys the planned dossiers with their record (biên bản hủy, kept in the blob store of each store they are in), one
    /// transaction per store: each dossier becomes a tombstone, each document gets a PREMIS deletion event; then their content
    /// is removed from the blob store.
    /// </summary>
    public async Task<Destruction> DestroyAsync(DestructionPlan plan, string recordId, byte[] record, Actor actor,
        CancellationToken cancellationToken)
    {
        Demand(actor, Operation.Appraise);
        var now = clock.GetLocalNow();
        var recordDigest = Sha256Digest.Compute(record).Hex;
        var destroyed = new List<DossierContent>();
        foreach (var group in plan.ToDestroy.GroupBy(c => c.Source))
        {
            var source = group.Key;
            var work = source.BeginWork();
            using (var content = new MemoryStream(record, writable: false))
                await work.AddBlobAsync(content, RecordRole, recordId, cancellationToken).ConfigureAwait(false);
            destroyed.AddRange(await work.CommitAsync(actor, session => group.Select(planned =>
            {
                var before = CatalogService.FindDossier(session, planned.Dossier.FileCode.Value);
                Judge(source, session, actor, before);
                // What the documents use now, in the transaction: the record may only be older by an instant.
                var content = ContentOf(session, before);
                var after = before.Destroy(recordId, recordDigest, content.Files.Select(f => f.Sha256).ToList(), Today, now);
                session.Dossiers.Update(after);
                session.Record(new AuditChange("dossier.destroy", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                    AuditSummary.Of(after)));
                session.Events.InsertMany(content.Documents.Select(d => new PreservationEvent
                {
                    Type = PremisEventType.Deletion, At = now, ObjectId = d.Id, Outcome = PremisEventType.Success, Agent = actor.Name,
                    Detail = $"Hủy theo biên bản {recordId} (SHA-256 {recordDigest}), được {after.Appraisal!.ApprovedBy} duyệt; " +
                             "nội dung được xóa khỏi kho, siêu dữ liệu được giữ lại.",
                }));
                return content;
            }).ToList()).ConfigureAwait(false));
            source.Crash.Reached(CrashPoint.DisposalBeforePurge);
        }
        var (files, bytes) = Purge(destroyed.Select(c => c.Dossier.FileCode.Value).ToList(), actor);
        return new Destruction(recordId, recordDigest, destroyed.Select(c => c.Dossier.FileCode.Value).ToList(),
            destroyed.Sum(c => c.Documents.Count), files, bytes, []);
    }

    /// <summary>
    /// Removes the content of destroyed dossiers from the catalog's blob records and then from the blob store. It may run again:
    /// it finishes what a crash interrupted, and never removes a file that a record outside the destroyed documents points at.
    /// </summary>
    public (int Files, long Bytes) Purge(IReadOnlyList<string> codes, Actor actor)
    {
        Demand(actor, Operation.Appraise);
        var files = 0;
        long bytes = 0;
        foreach (var group in codes.GroupBy(catalog.StoreOf))
        {
            var source = group.Key;
            var removed = source.Catalog.Write(actor, session =>
            {
                var gone = new List<(string Sha256, long Length)>();
                foreach (var code in group)
                {
                    var dossier = CatalogService.FindDossier(session, code);
                    var owners = OwnersOf(session, dossier);
                    var left = Unpurged(source, session, dossier, owners);
                    foreach (var hex in left)
                    {
                        var reference = session.Blobs.Get(hex);
                        if (reference is not null && owners.Contains(reference.OwnerId)) session.Blobs.Delete(hex);
                        gone.Add((hex, reference?.Length ?? 0));
                    }
                    if (left.Count > 0)
                        session.Record(new AuditChange("dossier.purge", nameof(Dossier), dossier.FileCode.Value, null,
                            JsonSerializer.Serialize(new { record = dossier.DestroyedIn, files = left })));
                }
                return gone;
            });
            foreach (var (hex, _) in removed)
                if (!source.Catalog.Read(s => s.Blobs.Exists(hex))) source.Blobs.Remove(Sha256Digest.Parse(hex));
            files += removed.Count;
            bytes += removed.Sum(r => r.Length);
        }
        return (files, bytes);
    }

    /// <summary>The signed destruction record of a destroyed dossier, as stored.</summary>
    public Stream OpenRecord(string code, Actor actor)
    {
        var dossier = catalog.Dossier(code, actor).Dossier;
        return dossier.DestructionRecord is { } hex
            ? catalog.StoreOf(code).Blobs.OpenRead(Sha256Digest.Parse(hex))
            : throw new CatalogNotFoundException($"Hồ sơ {dossier.FileCode} chưa bị hủy; không có biên bản hủy.");
    }

    /// <summary>The policy's check of manage on a dossier, inside a transaction of the store that holds it.</summary>
    private void Judge(ArchiveStore source, ICatalogSession session, Actor actor, Dossier dossier)
    {
        // Grants live in the main catalog: for the restricted collection they are read beside its transaction.
        if (ReferenceEquals(source, store)) policy.Demand(session, actor, dossier, Operation.DossierManage);
        else catalog.Demand(actor, dossier, Operation.DossierManage);
    }

    /// <summary>Removed content of a destroyed dossier still recorded for its documents or still on disk.</summary>
    private static List<string> Unpurged(ArchiveStore source, ICatalogSession s, Dossier dossier, IReadOnlySet<string> owners)
    {
        if (dossier.Status != DossierStatus.Destroyed) return [];
        return dossier.RemovedContent.Where(hex => s.Blobs.Get(hex) is { } reference
            ? owners.Contains(reference.OwnerId)
            : source.Blobs.Exists(Sha256Digest.Parse(hex))).ToList();
    }

    /// <summary>Who may own a document's stored files: the document, the inbox items it arrived as, the copies made of it.</summary>
    private static HashSet<string> OwnersOf(ICatalogSession s, IReadOnlyList<ArchivedDocument> documents,
        IReadOnlyList<InboxItem> items) =>
        documents.SelectMany(d => (IEnumerable<string>)[d.Id, .. s.CopyRegister.Where(e => e.DocumentId == d.Id).Select(e => e.Id)])
            .Concat(items.Select(i => i.Id)).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> OwnersOf(ICatalogSession s, Dossier dossier)
    {
        var documents = CatalogService.DocumentsOf(s, dossier.FileCode);
        return OwnersOf(s, documents, ItemsOf(s, documents));
    }

    /// <summary>The inbox items the documents arrived as.</summary>
    private static List<InboxItem> ItemsOf(ICatalogSession s, IReadOnlyList<ArchivedDocument> documents) =>
        documents.SelectMany(d => s.Inbox.Where(i => i.DocumentId == d.Id)).ToList();

    /// <summary>The dossier's documents and the stored files that belong to them alone.</summary>
    private static DossierContent ContentOf(ICatalogSession s, Dossier dossier)
    {
        var documents = CatalogService.DocumentsOf(s, dossier.FileCode);
        var items = ItemsOf(s, documents);
        var owners = OwnersOf(s, documents, items);
        var candidates = owners.SelectMany(o => s.Blobs.Where(b => b.OwnerId == o)).Select(b => b.Id)
            .Concat(items.SelectMany(i => new[] { i.Digest, i.ContainerDigest }).OfType<string>().Where(h => h.Length > 0))
            .Distinct(StringComparer.Ordinal);
        var files = new List<(string, long)>();
        foreach (var hex in candidates)
        {
            var reference = s.Blobs.Get(hex);
            // Content-addressed: the same bytes may be another document's too (an envelope several documents came in, say).
            if (reference is not null && !owners.Contains(reference.OwnerId)) continue;
            if (s.Inbox.Where(i => i.Digest == hex).Any(i => !owners.Contains(i.Id))) continue;
            if (s.Inbox.Where(i => i.ContainerDigest == hex).Any(i => !owners.Contains(i.Id))) continue;
            files.Add((hex, reference?.Length ?? 0));
        }
        return new DossierContent(dossier, documents, files);
    }

    private void Demand(Actor actor, Operation operation) => store.Catalog.Read(s =>
    {
        policy.Demand(s, actor, operation);
        return 0;
    });
}
