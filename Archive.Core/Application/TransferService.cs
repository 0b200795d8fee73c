using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Core.Transfers;

namespace Archive.Core.Application;

/// <summary>
/// Transfers (nộp lưu): what an archivist may hand over and what it is made of. Handing dossiers over takes the archivist's role
/// and the manage level on each dossier; only closed dossiers go. Taking their content out is audited, dossier by dossier.
/// </summary>
public sealed class TransferService(ArchiveStore store, CatalogService catalog, DocumentFiling filing, AccessPolicy policy,
    TimeProvider clock, TransferRules? rules = null)
{
    private readonly TransferRules _rules = rules ?? TransferRules.Law2024;

    /// <summary>
    /// The dossiers of the actor's view due within the warning period (or overdue): for the agency's archive, for the historical
    /// archive, and those whose retention ends. Sorted by date.
    /// </summary>
    public IReadOnlyList<TransferDue> Due(Actor actor, int? withinDays = null)
    {
        DemandArchivist(actor);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var horizon = today.AddDays(withinDays ?? _rules.WarningDays);
        return catalog.Dossiers(actor).SelectMany(d => DueOf(d))
            .Where(d => d.DueDate <= horizon).Select(d => d with { Overdue = d.DueDate < today })
            .OrderBy(d => d.DueDate).ThenBy(d => d.Dossier.FileCode.Value, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<TransferDue> DueOf(Dossier d)
    {
        if (d.Status is DossierStatus.Open or DossierStatus.Delivered or DossierStatus.Destroyed) yield break;
        var ended = d.WorkEnded;
        if (d.Status == DossierStatus.Closed)
            yield return new TransferDue(d, DueKind.AgencyArchive, EndOfYear(ended + _rules.AgencyArchiveYears), false);
        if (d.Maintenance.IsPermanent && d.Status == DossierStatus.Transferred)
            yield return new TransferDue(d, DueKind.HistoricalArchive, _rules.HistoricalFromAgencyArchive && d.TransferredAt is { } entered
                ? DateOnly.FromDateTime(entered.DateTime).AddYears(_rules.HistoricalYears)
                : EndOfYear(ended + _rules.HistoricalYears), false);
        if (d.RetentionEnds is { } ends) yield return new TransferDue(d, DueKind.RetentionEnds, ends, false);
    }

    private static DateOnly EndOfYear(int year) => new(year, 12, 31);

    /// <summary>
    /// Takes closed dossiers into the agency's archive (nộp lưu vào Lưu trữ cơ quan): the archivist's role and manage on each.
    /// </summary>
    public IReadOnlyList<Dossier> Accept(IReadOnlyList<string> codes, Actor actor)
    {
        DemandArchivist(actor);
        return codes.Distinct(StringComparer.Ordinal).Select(code => catalog.WriteOn(code, actor, (session, judge) =>
        {
            var before = CatalogService.FindDossier(session, code);
            judge(before, Operation.DossierManage);
            var after = before.MarkTransferred(clock.GetLocalNow());
            session.Dossiers.Update(after);
            session.Record(new AuditChange("dossier.transfer", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                AuditSummary.Of(after)));
            return after;
        })).ToList();
    }

    /// <summary>
    /// Records that the package carrying these prepared dossiers is complete: they are delivered to the historical archive.
    /// </summary>
    public void MarkDelivered(IReadOnlyList<TransferDossier> dossiers, string package, Actor actor)
    {
        foreach (var prepared in dossiers.Where(d => d.Dossier.Status != DossierStatus.Delivered))
            catalog.WriteOn(prepared.Dossier.FileCode.Value, actor, (session, _) =>
            {
                var before = CatalogService.FindDossier(session, prepared.Dossier.FileCode.Value);
                var after = before.MarkDelivered(package, clock.GetLocalNow());
                session.Dossiers.Update(after);
                session.Record(new AuditChange("dossier.deliver", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                    AuditSummary.Of(after)));
                return after;
            });
    }

    /// <summary>
    /// The dossiers, checked: the archivist's role, manage on each, each closed. Refuses the whole list if one may not go; the
    /// taking out of their content is audited here, dossier by dossier.
    /// </summary>
    public IReadOnlyList<TransferDossier> Prepare(IReadOnlyList<string> codes, Actor actor)
    {
        if (codes.Count == 0) throw new InvalidRequestException("Chọn ít nhất một hồ sơ để nộp lưu.");
        store.Catalog.Read(s =>
        {
            policy.Demand(s, actor, Operation.Transfer);
            return 0;
        });
        var dossiers = new List<TransferDossier>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            var dossier = catalog.Locate(code);
            catalog.Demand(actor, dossier, Operation.DossierManage);
            if (dossier.Status is DossierStatus.Open or DossierStatus.Destroyed)
                throw new DossierLifecycleException(dossier.FileCode, dossier.Status, dossier.Status == DossierStatus.Open
                    ? $"Hồ sơ {dossier.FileCode} đang mở; phải đóng hồ sơ trước khi nộp lưu."
                    : $"Hồ sơ {dossier.FileCode} đã bị hủy theo {dossier.DestroyedIn}; không còn tài liệu để nộp lưu.");
            dossiers.Add(new TransferDossier(dossier, catalog.StoreOf(code)));
        }
        store.Catalog.Write(actor, session =>
        {
            foreach (var d in dossiers)
                session.Record(new AuditChange("transfer.export", nameof(Dossier), d.Dossier.FileCode.Value, null,
                    JsonSerializer.Serialize(new { documents = d.Dossier.DocTotal, restricted = d.Dossier.Rights.IsRestricted })));
            return 0;
        });
        return dossiers;
    }

    /// <summary>Refuses an actor who may not import transfer packages (the archivist's role).</summary>
    public void DemandArchivist(Actor actor) => store.Catalog.Read(s =>
    {
        policy.Demand(s, actor, Operation.Transfer);
        return 0;
    });

    /// <summary>
    /// Validates a dossier read from a package against TT 02 as if it were entered here, and says whether it is new (true), already
    /// filed from this same package by an interrupted earlier run (false), or refuses it (a different dossier has its code).
    /// </summary>
    public bool CheckImport(ImportedDossier imported)
    {
        var dossier = catalog.BindDossier(imported.Metadata);
        var documents = imported.Documents.Select((d, i) => filing.Bind(dossier, d.Metadata, d.Id, i + 1, DocCodeOf(d))).ToList();
        // The air-gapped collection takes restricted records only from its own isolated network (Điều 16.6): not through here.
        if (dossier.Rights.IsRestricted || documents.Any(d => d.Mode.IsRestricted))
            throw new InvalidRequestException($"Hồ sơ {dossier.FileCode} có tài liệu hạn chế sử dụng: gói này phải được nhập vào " +
                                              "kho cách ly, không nhập vào kho nối mạng.");
        var existing = store.Catalog.Read(s => s.Dossiers.Get(dossier.FileCode.Value));
        if (existing?.Provenance?.StartsWith(imported.PackageId + " ", StringComparison.Ordinal) == true) return false;
        if (existing is not null)
            throw new CatalogConflictException($"Hồ sơ {dossier.FileCode} đã có trong kho (không phải từ gói {imported.PackageId}).");
        var taken = store.Catalog.Read(s =>
            documents.Select(d => d.DocCode).FirstOrDefault(code => s.Documents.Count(x => x.DocCode == code) > 0));
        if (taken is not null) throw new CatalogConflictException($"Mã định danh văn bản {taken} đã có trong kho: văn bản trùng.");
        return true;
    }

    /// <summary>
    /// Files a checked dossier from a package in one transaction: the agency if it is new, the dossier (closed, its totals
    /// computed, its provenance kept), each document under its id with its original, PDF/A copy, signature report and
    /// history, and an ingestion event saying where it came from. The content is stored first; a crash before the commit leaves
    /// only unreferenced blobs, and the next run files the dossier whole.
    /// </summary>
    public async Task<Dossier> FileImportAsync(ImportedDossier imported, Actor actor, CancellationToken cancellationToken)
    {
        DemandArchivist(actor);
        var now = clock.GetLocalNow();
        var open = catalog.BindDossier(imported.Metadata) with { Provenance = imported.Provenance };
        var documents = imported.Documents.Select((d, i) => filing.Bind(open, d.Metadata, d.Id, i + 1, DocCodeOf(d))).ToList();
        var dossier = open.Close(documents, now);
        var work = store.BeginWork();
        var items = new List<InboxItem>();
        foreach (var (document, source) in documents.Zip(imported.Documents))
        {
            var item = new InboxItem
            {
                Id = source.ReceivedAs ?? Guid.CreateVersion7().ToString("N"), ReceivedAt = now, SourceName = source.OriginalName,
                Format = source.OriginalFormat, SenderOrganName = imported.SenderName, Status = InboxStatus.Accepted,
                SignatureReport = source.SignatureReport, DocumentId = document.Id, DecidedAt = now, DecidedBy = actor.Name,
            };
            await using (var original = File.OpenRead(source.OriginalFile))
            {
                var blob = await work.AddBlobAsync(original, DocumentFiling.OriginalRole, item.Id, cancellationToken).ConfigureAwait(false);
                item = item with { Digest = blob.Digest.Hex, Length = blob.Length };
            }
            if (source.PdfAFile is { } pdfa)
                await using (var copy = File.OpenRead(pdfa))
                    await work.AddBlobAsync(copy, DocumentFiling.PdfARole, document.Id, cancellationToken).ConfigureAwait(false);
            if (source.TextFile is { } text)
                await using (var words = File.OpenRead(text))
                    await work.AddBlobAsync(words, CatalogIndexSource.TextRole, document.Id, cancellationToken).ConfigureAwait(false);
            items.Add(item);
        }
        return await work.CommitAsync(actor, session =>
        {
            policy.Demand(session, actor, Operation.Transfer);
            if (session.Dossiers.Exists(dossier.FileCode.Value))
                throw new CatalogConflictException($"Hồ sơ {dossier.FileCode} đã có trong kho.");
            if (!session.Agencies.Exists(dossier.OrganId.Value))
            {
                var agency = new Agency { Code = dossier.OrganId, Name = imported.SenderName, CreatedAt = now };
                session.Agencies.Insert(agency);
                session.Record(new AuditChange("agency.create", nameof(Agency), agency.Code.Value, null, AuditSummary.Of(agency)));
            }
            session.Dossiers.Insert(dossier);
            session.Record(new AuditChange("transfer.import", nameof(Dossier), dossier.FileCode.Value, null, AuditSummary.Of(dossier)));
            foreach (var (document, (source, item)) in documents.Zip(imported.Documents.Zip(items)))
            {
                session.Documents.Insert(document);
                if (!session.Inbox.Exists(item.Id)) session.Inbox.Insert(item);
                session.Events.InsertMany(source.Events.Where(e => !session.Events.Exists(e.Id)));
                session.Events.Insert(new PreservationEvent
                {
                    Type = PremisEventType.Ingestion, At = now, ObjectId = document.Id, Outcome = PremisEventType.Success,
                    Agent = actor.Name,
                    Detail = $"Nhận vào kho từ gói nộp lưu: {imported.Provenance}; chữ ký số được kiểm tra lại khi nhận.",
                });
                session.Record(new AuditChange("document.file", nameof(ArchivedDocument), document.Id, null, AuditSummary.Of(document)));
            }
            return dossier;
        }).ConfigureAwait(false);
    }

    private static string DocCodeOf(ImportedDocument document) =>
        document.Metadata[Tt02Fields.Document.DocCode.Tag] is { Length: > 0 } code
            ? code
            : throw new CatalogValidationException(ValidationError.For(Tt02Fields.Document.DocCode, "không được để trống."));

    /// <summary>Everything a package carries of a prepared dossier's documents, in one read of each catalog.</summary>
    public IReadOnlyList<TransferDocument> Documents(TransferDossier dossier)
    {
        var code = dossier.Dossier.FileCode;
        return ReferenceEquals(dossier.Source, store)
            ? store.Catalog.Read(s => CatalogService.DocumentsOf(s, code).Select(d => Describe(s, s, d)).ToList())
            : dossier.Source.Catalog.Read(s => store.Catalog.Read(main =>
                CatalogService.DocumentsOf(s, code).Select(d => Describe(s, main, d)).ToList()));
    }

    /// <param name="source">The catalog that holds the document: the main one, or the restricted collection's.</param>
    /// <param name="main">The main catalog, where the inbox is.</param>
    private static TransferDocument Describe(ICatalogSession source, ICatalogSession main, ArchivedDocument document)
    {
        var id = document.Id;
        var received = DocumentView.Received(main, id);
        var owned = source.Blobs.Where(b => b.OwnerId == id).ToList();
        // An ingested original is owned by the inbox item it arrived as.
        var original = owned.FirstOrDefault(b => b.Role == DocumentFiling.OriginalRole)?.Id ?? received?.Digest
            ?? throw new CatalogNotFoundException($"Không tìm thấy bản gốc của văn bản {document.Id}.");
        var pdfa = owned.FirstOrDefault(b => b.Role == DocumentFiling.PdfARole);
        var text = owned.FirstOrDefault(b => b.Role == CatalogIndexSource.TextRole);
        string[] objects = received is null ? [id] : [id, received.Id];
        var events = objects.SelectMany(o => main.Events.Where(e => e.ObjectId == o));
        if (!ReferenceEquals(source, main)) events = events.Concat(objects.SelectMany(o => source.Events.Where(e => e.ObjectId == o)));
        return new TransferDocument(document,
            new StoredContent(Sha256Digest.Parse(original), (source.Blobs.Get(original) ?? main.Blobs.Get(original))?.Length
                ?? received?.Length ?? 0, received?.Format ?? "application/octet-stream"),
            received?.SourceName ?? document.Id,
            pdfa is null ? null : new StoredContent(Sha256Digest.Parse(pdfa.Id), pdfa.Length, "application/pdf"),
            received?.SignatureReport, events.OrderBy(e => e.At).ToList(),
            text is null ? null : new StoredContent(Sha256Digest.Parse(text.Id), text.Length, "text/plain"));
    }

    /// <summary>The PREMIS files of a document in a package: its original and its PDF/A copy.</summary>
    public static IReadOnlyList<PremisFile> PremisFiles(TransferDocument d, string originalName, string? pdfAName) =>
        [
            new($"{d.Document.Id}/original", originalName, d.Original.Digest.Hex, d.Original.Length, d.Original.Format),
            .. d.PdfA is { } p && pdfAName is not null
                ? [new PremisFile($"{d.Document.Id}/pdfa", pdfAName, p.Digest.Hex, p.Length, p.Format)]
                : Array.Empty<PremisFile>(),
        ];
}
