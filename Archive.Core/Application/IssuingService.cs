using System.Globalization;
using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Processing;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>
/// Issuing outgoing documents (Điều 12, 13; NĐ 30 Điều 15): a drafter drafts and presents for signing (trình ký) to a leader, who
/// comments, returns or signs; the records officer takes the number in the register (per agency, register and year, from 01 on
/// 1 January, no gap and no repeat), and once the ingest has written it into the file with the organisation signature, the document
/// is filed into its dossier; it is then issued to its recipients, whose status messages are kept, or recalled. Every draft, comment
/// and step is kept (NĐ 30 Phụ lục VI) and audited. What touches the PDF lives in the ingest (OutgoingIssuing).
/// </summary>
public sealed class IssuingService(ArchiveStore store, CatalogService catalog, DocumentFiling filing, AccessPolicy policy,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A new draft (its PDF kept as the first version) for a dossier of the actor's agency.</summary>
    public async Task<OutgoingDocument> DraftAsync(NewOutgoingDocument request, Stream content, Actor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Demand(actor, Operation.OutgoingDraft);
        var typeName = Required(request.TypeName, "Loại văn bản");
        var subject = Required(request.Subject, "Trích yếu nội dung");
        var notation = Required(request.Notation, "Ký hiệu");
        if (notation.Contains('/', StringComparison.Ordinal) || notation.Length > 30)
            throw new InvalidRequestException(
                $"Ký hiệu \"{notation}\" là phần sau số (ví dụ QĐ-UBND), không có dấu \"/\", tối đa 30 ký tự.");
        var register = Required(request.Register, "Sổ văn bản đi");
        if (request.DueDate < Today)
            throw new InvalidRequestException($"Hạn trả lời {request.DueDate:dd/MM/yyyy} đã qua (hôm nay {Today:dd/MM/yyyy}).");
        var recipients = Recipients(request.Recipients);
        if (!ReferenceEquals(catalog.StoreOf(request.DossierCode), store))
            throw new InvalidRequestException(
                $"Hồ sơ {request.DossierCode} thuộc kho hạn chế sử dụng (cách ly): văn bản đi không lập vào hồ sơ đó qua hệ thống này.");
        var id = Guid.CreateVersion7().ToString("N");
        var (dossier, organName) = store.Catalog.Read(session =>
        {
            var found = CatalogService.FindDossier(session, request.DossierCode.Trim());
            return (found, session.Agencies.Get(found.OrganId.Value)?.Name ?? found.OrganId.Value);
        });
        dossier.EnsureAcceptsDocuments();
        if (actor.Agency is { } agency && agency != dossier.OrganId)
            throw new AccessDeniedException($"Hồ sơ {dossier.FileCode} thuộc cơ quan khác; văn bản đi lập vào hồ sơ của cơ quan mình.");
        var work = store.BeginWork();
        var draft = await work.AddBlobAsync(content, OutgoingDocument.DraftRole, id, cancellationToken).ConfigureAwait(false);
        return await work.CommitAsync(actor, session =>
        {
            policy.Demand(session, actor, Operation.OutgoingDraft);
            var document = new OutgoingDocument
            {
                Id = id, Agency = dossier.OrganId.Value, OrganName = organName, Register = register, TypeName = typeName,
                Notation = notation, Subject = subject, Priority = request.Priority?.Trim() is { Length: > 0 } p ? p : null,
                DueDate = request.DueDate, PageAmount = request.PageAmount, DossierCode = dossier.FileCode.Value, Drafter = actor.Name,
                Recipients = new(recipients), Status = OutgoingStatus.Draft, DraftDigest = draft.Digest.Hex,
                History = new([Entry(actor, TaskEntryKind.Draft, $"Dự thảo (SHA-256 {draft.Digest.Hex[..16]}…)")]),
            };
            session.Outgoing.Insert(document);
            Audit(session, "outgoing.draft", null, document);
            return document;
        }).ConfigureAwait(false);
    }

    /// <summary>A new version of a draft (after a return); the earlier one stays kept.</summary>
    public async Task<OutgoingDocument> ReviseAsync(string id, Stream content, string? note, Actor actor,
        CancellationToken cancellationToken)
    {
        var current = Get(id, actor);
        EnsureDrafter(current, actor);
        EnsureStatus(current, OutgoingStatus.Draft);
        var work = store.BeginWork();
        var draft = await work.AddBlobAsync(content, OutgoingDocument.DraftRole, current.Id, cancellationToken).ConfigureAwait(false);
        return await work.CommitAsync(actor, session =>
        {
            var before = Find(session, id);
            EnsureDrafter(before, actor);
            EnsureStatus(before, OutgoingStatus.Draft);
            var text = $"Dự thảo mới (SHA-256 {draft.Digest.Hex[..16]}…, thay {before.DraftDigest[..16]}…)";
            return Change(session, "outgoing.revise", before, before with
            {
                DraftDigest = draft.Digest.Hex,
                History = new([.. before.History, Entry(actor, TaskEntryKind.Draft, Join(text, note))]),
            });
        }).ConfigureAwait(false);
    }

    /// <summary>The drafter (or a records officer) presents the draft for signing to a leader of the agency.</summary>
    public OutgoingDocument Submit(string id, string signer, string? note, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.OutgoingDraft);
        var before = Find(session, id);
        EnsureVisible(before, actor);
        EnsureStatus(before, OutgoingStatus.Draft);
        var user = session.Users.Get(signer.Trim()) ?? throw new InvalidRequestException($"Không có người dùng '{signer}'.");
        if (!user.Enabled) throw new InvalidRequestException($"Tài khoản {user.Login} đã bị khóa; không trình ký được.");
        if (!user.RoleSet.Contains(Role.Leader) || user.Agency?.Value != before.Agency)
            throw new InvalidRequestException($"{user.Login} không phải lãnh đạo của cơ quan; chỉ trình ký lãnh đạo có thẩm quyền.");
        return Change(session, "outgoing.submit", before, before with
        {
            Status = OutgoingStatus.Submitted, Signer = user.Login,
            History = new([.. before.History, Entry(actor, TaskEntryKind.Submit, Join($"Trình ký {user.Login}", note))]),
        });
    });

    /// <summary>A comment (ý kiến) on the document by anyone who sees it, kept in its history.</summary>
    public OutgoingDocument Comment(string id, string note, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.CatalogRead);
        var before = Find(session, id);
        EnsureVisible(before, actor);
        return Change(session, "outgoing.comment", before, before with
        {
            History = new([.. before.History, Entry(actor, TaskEntryKind.Comment, Required(note, "Ý kiến"))]),
        });
    });

    /// <summary>
    /// The signer returns a submitted draft with the reason; or the records officer returns a signed one for signing again (its
    /// signature is dated another day than the document can be issued). A number already taken stays the document's.
    /// </summary>
    public OutgoingDocument Return(string id, string reason, Actor actor) => store.Catalog.Write(actor, session =>
    {
        var before = Find(session, id);
        var because = Required(reason, "Lý do trả lại");
        OutgoingStatus back;
        if (before.Status == OutgoingStatus.Submitted)
        {
            policy.Demand(session, actor, Operation.OutgoingSign);
            EnsureSigner(before, actor);
            back = OutgoingStatus.Draft;
        }
        else if (before.Status == OutgoingStatus.Signed)
        {
            policy.Demand(session, actor, Operation.OutgoingIssue);
            EnsureVisible(before, actor);
            back = OutgoingStatus.Submitted;
        }
        else
        {
            throw new CatalogConflictException($"Văn bản {Describe(before)} {OutgoingStatusName.Of(before.Status)}; không trả lại được.");
        }
        return Change(session, "outgoing.return", before, before with
        {
            Status = back, SignedDigest = back == OutgoingStatus.Draft ? null : before.SignedDigest,
            History = new([.. before.History, Entry(actor, TaskEntryKind.Return, because)]),
        });
    });

    /// <summary>
    /// Keeps the file the signer signed (in the archive or elsewhere, already verified by the ingest) as the signed version.
    /// </summary>
    /// <param name="signerName">The name in the personal signature's certificate.</param>
    /// <param name="signedAt">The personal signature's signing time.</param>
    public async Task<OutgoingDocument> RecordSignatureAsync(string id, Stream signed, string signerName, DateTimeOffset signedAt,
        Actor actor, CancellationToken cancellationToken)
    {
        Demand(actor, Operation.OutgoingSign);
        var current = Get(id, actor);
        EnsureSigner(current, actor);
        EnsureStatus(current, OutgoingStatus.Submitted);
        var work = store.BeginWork();
        var blob = await work.AddBlobAsync(signed, OutgoingDocument.SignedRole, current.Id, cancellationToken).ConfigureAwait(false);
        return await work.CommitAsync(actor, session =>
        {
            policy.Demand(session, actor, Operation.OutgoingSign);
            var before = Find(session, id);
            EnsureSigner(before, actor);
            EnsureStatus(before, OutgoingStatus.Submitted);
            var at = signedAt.ToOffset(clock.GetLocalNow().Offset);
            return Change(session, "outgoing.sign", before, before with
            {
                Status = OutgoingStatus.Signed, SignedDigest = blob.Digest.Hex, SignerName = signerName, SignedAt = at,
                History = new([.. before.History, Entry(actor, TaskEntryKind.Sign,
                    $"Ký số cá nhân: {signerName}, {at:dd/MM/yyyy HH:mm:ss} (SHA-256 {blob.Digest.Hex[..16]}…)")]),
            });
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The records officer takes the document's number: the next in its register this year, or the one it already took. Refused when
    /// the personal signature is not dated today (the issue date: Điều 12 khoản 2) or the document is not signed.
    /// </summary>
    public NumberingIssue ReserveNumber(string id, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.OutgoingIssue);
        var before = Find(session, id);
        EnsureVisible(before, actor);
        if (before.Status is OutgoingStatus.Draft or OutgoingStatus.Submitted)
            throw new InvalidRequestException(
                $"Văn bản {Describe(before)} chưa có chữ ký số của người có thẩm quyền; chưa cấp số được (Điều 12).");
        EnsureStatus(before, OutgoingStatus.Signed);
        var today = Today;
        var signedOn = DateOnly.FromDateTime(before.SignedAt!.Value.DateTime);
        if (signedOn != today)
            throw new InvalidRequestException(
                $"Chữ ký cá nhân ngày {signedOn:dd/MM/yyyy}, hôm nay {today:dd/MM/yyyy}: văn bản được cấp số, ký số cơ quan và ban hành " +
                "đúng ngày người có thẩm quyền ký (Điều 12 khoản 2); trả lại để ký lại.");
        if (before.Number is { } taken && before.Year == today.Year)
            return new NumberingIssue(before, taken, today, before.SignedDigest!);
        var number = Next(session, before.Agency, before.Register, today.Year);
        var after = Change(session, "outgoing.number", before, before with
        {
            Year = today.Year, Number = number,
            History = new([.. before.History, Entry(actor, TaskEntryKind.Number,
                $"Lấy số {number:00}/{before.Notation} trong sổ \"{before.Register}\" năm {today.Year}")]),
        });
        return new NumberingIssue(after, number, today, after.SignedDigest!);
    });

    /// <summary>
    /// Files the numbered document, sealed with the organisation signature, into its dossier; the outgoing document becomes numbered
    /// in the same transaction.
    /// </summary>
    public async Task<OutgoingDocument> FileAsync(NumberingIssue issue, Stream sealedPdf, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var document = issue.Document;
        var metadata = Tt02Metadata.Empty
            .With("TypeName", document.TypeName).With("CodeNumber", issue.NumberText).With("CodeNotation", document.Notation)
            .With("IssuedDate", issue.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("OrganName", document.OrganName).With("Subject", document.Subject)
            .With("PageAmount", (document.PageAmount ?? 1).ToString(CultureInfo.InvariantCulture))
            .With("Autograph", document.SignerName);
        OutgoingDocument? filed = null;
        await filing.FileAsync(document.DossierCode, metadata, sealedPdf, actor, cancellationToken, (session, archived) =>
        {
            policy.Demand(session, actor, Operation.OutgoingIssue);
            var before = Find(session, document.Id);
            if (before.Status != OutgoingStatus.Signed || before.Number != issue.Number)
                throw new CatalogConflictException(
                    $"Văn bản {Describe(before)} đã được xử lý ở nơi khác ({OutgoingStatusName.Of(before.Status)}).");
            filed = Change(session, "outgoing.file", before, before with
            {
                Status = OutgoingStatus.Numbered, IssueDate = issue.IssueDate, DocumentId = archived.Id,
                History = new([.. before.History, Entry(actor, TaskEntryKind.Number,
                    $"Ghi số {before.Code} vào văn bản, ký số cơ quan, lập vào hồ sơ {before.DossierCode}")]),
            });
        }).ConfigureAwait(false);
        return filed!;
    }

    /// <summary>
    /// A document issued on paper (signed by hand) takes its number from the same register as the electronic ones (NĐ 30 Điều 15:
    /// paper and electronic documents share one numbering), today, and is registered as issued; there is no file to keep.
    /// </summary>
    public OutgoingDocument RegisterPaper(NewOutgoingDocument request, string signerName, Actor actor) => store.Catalog.Write(actor,
        session =>
        {
            ArgumentNullException.ThrowIfNull(request);
            policy.Demand(session, actor, Operation.OutgoingIssue);
            var dossier = CatalogService.FindDossier(session, request.DossierCode.Trim());
            if (actor.Agency is { } agency && agency != dossier.OrganId)
                throw new AccessDeniedException($"Hồ sơ {dossier.FileCode} thuộc cơ quan khác; văn bản đi lập vào hồ sơ của cơ quan mình.");
            var today = Today;
            var register = Required(request.Register, "Sổ văn bản đi");
            var number = Next(session, dossier.OrganId.Value, register, today.Year);
            var now = clock.GetLocalNow();
            var document = new OutgoingDocument
            {
                Id = Guid.CreateVersion7().ToString("N"), Agency = dossier.OrganId.Value,
                OrganName = session.Agencies.Get(dossier.OrganId.Value)?.Name ?? dossier.OrganId.Value, Register = register,
                TypeName = Required(request.TypeName, "Loại văn bản"), Notation = Required(request.Notation, "Ký hiệu"),
                Subject = Required(request.Subject, "Trích yếu nội dung"), Priority = request.Priority, DueDate = request.DueDate,
                PageAmount = request.PageAmount, DossierCode = dossier.FileCode.Value, Drafter = actor.Name,
                SignerName = Required(signerName, "Người ký"), Recipients = new(Recipients(request.Recipients)), OnPaper = true,
                Status = OutgoingStatus.Issued, Year = today.Year, Number = number, IssueDate = today, IssuedAt = now,
                History = new([Entry(actor, TaskEntryKind.Number,
                    $"Văn bản giấy: lấy số {number:00}/{request.Notation.Trim()} trong sổ \"{register}\" năm {today.Year}, " +
                    $"ký bởi {signerName.Trim()}")]),
            };
            return Change(session, "outgoing.paper", null, document);
        });

    /// <summary>The next number of a register this year, moved on inside the caller's write transaction: no gap, no repeat.</summary>
    private static int Next(ICatalogSession session, string agency, string register, int year)
    {
        var key = RegisterCounter.IdOf(agency, register, year);
        var counter = session.RegisterCounters.Get(key);
        var number = (counter?.Last ?? 0) + 1;
        if (counter is null) session.RegisterCounters.Insert(new RegisterCounter { Id = key, Last = number });
        else session.RegisterCounters.Update(counter with { Last = number });
        return number;
    }

    /// <summary>The document identifier used in the exchange (QCVN 102): "OrganId,yyyy/mm/dd,Số/KH".</summary>
    public static string ExchangeIdOf(OutgoingDocument document) =>
        string.Create(CultureInfo.InvariantCulture, $"{document.Agency},{document.IssueDate:yyyy/MM/dd},{document.Code}");

    /// <summary>Records that the envelopes were written for every recipient: the document is issued.</summary>
    public OutgoingDocument MarkIssued(string id, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.OutgoingIssue);
        var before = Find(session, id);
        EnsureVisible(before, actor);
        EnsureStatus(before, OutgoingStatus.Numbered);
        var now = clock.GetLocalNow();
        return Change(session, "outgoing.issue", before, before with
        {
            Status = OutgoingStatus.Issued, IssuedAt = now, ExchangeId = ExchangeIdOf(before),
            Recipients = new(before.Recipients.Select(r => r with { Status = DeliveryStatus.Sent, StatusAt = now, Description = null })),
            History = new([.. before.History, Entry(actor, TaskEntryKind.Issue,
                $"Phát hành tới {string.Join(", ", before.Recipients.Select(r => r.OrganName))}")]),
        });
    });

    /// <summary>
    /// A recipient's status message: it must name an issued document and come from one of its recipients; otherwise nothing changes.
    /// </summary>
    public OutgoingDocument RecordDelivery(DeliveryReport report, Actor actor) => store.Catalog.Write(actor, session =>
    {
        ArgumentNullException.ThrowIfNull(report);
        policy.Demand(session, actor, Operation.OutgoingIssue);
        var candidates = report.ExchangeId is { Length: > 0 } exchangeId
            ? session.Outgoing.Where(o => o.ExchangeId == exchangeId)
            : session.Outgoing.All().Where(o => o.IssueDate == report.IssuedDate && o.Code == report.Code?.Trim()).ToList();
        var before = candidates.FirstOrDefault(o => o.Status is OutgoingStatus.Issued or OutgoingStatus.Recalled && !o.OnPaper)
                     ?? throw new CatalogNotFoundException(
                         $"Thông điệp trạng thái cho văn bản không có trong sổ văn bản đi đã phát hành " +
                         $"({report.ExchangeId ?? $"{report.Code}, ngày {report.IssuedDate:dd/MM/yyyy}"}).");
        var index = before.Recipients.ToList().FindIndex(r => r.OrganId == report.FromOrganId.Trim());
        if (index < 0)
            throw new InvalidRequestException(
                $"Văn bản {before.Code} không gửi tới cơ quan {report.FromOrganId}; thông điệp trạng thái của cơ quan đó bị từ chối.");
        var recipient = before.Recipients[index];
        if (recipient.StatusAt is { } last && last > report.At)
            return before; // an older message arriving late says nothing new
        var updated = before.Recipients.Select((r, i) => i == index
            ? r with { Status = report.Status, StatusAt = report.At, Description = report.Description }
            : r);
        var text = $"{recipient.OrganName}: {DeliveryStatusName.Of(report.Status)}";
        return Change(session, "outgoing.delivery", before, before with
        {
            Recipients = new(updated),
            History = new([.. before.History, Entry(actor, TaskEntryKind.Delivery, Join(text, report.Description))]),
        });
    });

    /// <summary>Recalls an issued document: it is frozen (nothing more changes it) and the ingest sends each recipient a recall.</summary>
    public OutgoingDocument Recall(string id, string reason, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.OutgoingIssue);
        var before = Find(session, id);
        EnsureVisible(before, actor);
        EnsureStatus(before, OutgoingStatus.Issued);
        return Change(session, "outgoing.recall", before, before with
        {
            Status = OutgoingStatus.Recalled,
            History = new([.. before.History, Entry(actor, TaskEntryKind.Recall, Required(reason, "Lý do thu hồi"))]),
        });
    });

    /// <summary>
    /// The outgoing documents an actor sees: records officers and leaders those of their agency, anyone else those they drafted or
    /// were asked to sign. Newest first.
    /// </summary>
    public IReadOnlyList<OutgoingDocument> List(Actor actor, OutgoingStatus? status = null) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.CatalogRead);
        return session.Outgoing.All().Where(o => Visible(o, actor) && (status is null || o.Status == status))
            .OrderByDescending(o => o.Id, StringComparer.Ordinal).ToList();
    });

    public OutgoingDocument Get(string id, Actor actor) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.CatalogRead);
        var document = Find(session, id);
        EnsureVisible(document, actor);
        return document;
    });

    /// <summary>
    /// The outgoing documents waiting for the actor's step: presented to them for signing, their drafts returned to them, and for the
    /// records officers of the agency those signed (to number) and numbered (to issue). The in-app notice of outgoing work.
    /// </summary>
    public IReadOnlyList<OutgoingDocument> Waiting(Actor actor)
    {
        var officer = store.Catalog.Read(session => policy.Allows(session, actor, Operation.OutgoingIssue));
        return List(actor).Where(d => d.Status == OutgoingStatus.Submitted && d.Signer == actor.Name
                                      || d.Status == OutgoingStatus.Draft && d.Drafter == actor.Name
                                                                         && d.History[^1].Kind == TaskEntryKind.Return
                                      || officer && d.Status is OutgoingStatus.Signed or OutgoingStatus.Numbered).ToList();
    }

    /// <summary>The active leaders of the actor's agency: whom a draft may be presented to for signing.</summary>
    public IReadOnlyList<Colleague> Signers(Actor actor) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.OutgoingDraft);
        return session.Users.All()
            .Where(u => u.Enabled && u.RoleSet.Contains(Role.Leader) && (actor.Agency is null || u.Agency == actor.Agency))
            .Select(u => new Colleague(u.Login, u.FullName, u.Unit, true)).OrderBy(c => c.Login, StringComparer.Ordinal).ToList();
    });

    /// <summary>A version of the document (the current draft, the signed file) as kept, its hash checked as it is read.</summary>
    public Stream OpenVersion(string id, string digest, Actor actor)
    {
        var document = Get(id, actor);
        if (digest != document.DraftDigest && digest != document.SignedDigest
            && !document.History.Any(e => e.Note.Contains(digest[..Math.Min(16, digest.Length)], StringComparison.Ordinal)))
            throw new CatalogNotFoundException($"Văn bản đi {document.Id} không có phiên bản {digest}.");
        return store.Blobs.OpenRead(Sha256Digest.Parse(digest));
    }

    /// <summary>Judged before a byte is stored, and again inside the transaction.</summary>
    private void Demand(Actor actor, Operation operation) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, operation);
        return true;
    });

    private static List<OutgoingRecipient> Recipients(IReadOnlyList<OutgoingRecipient> given)
    {
        if (given.Count == 0) throw new InvalidRequestException("Ghi ít nhất một nơi nhận (mã định danh và tên cơ quan).");
        var list = new List<OutgoingRecipient>();
        foreach (var r in given)
        {
            if (!AgencyCode.TryParse(r.OrganId?.Trim(), out var code))
                throw new InvalidRequestException($"Mã định danh nơi nhận \"{r.OrganId}\" không đúng dạng (ví dụ 000.00.00.H42).");
            if (list.Any(l => l.OrganId == code.Value)) throw new InvalidRequestException($"Nơi nhận {code} ghi hai lần.");
            list.Add(new OutgoingRecipient { OrganId = code.Value, OrganName = Required(r.OrganName, $"Tên cơ quan nhận {code}") });
        }
        return list;
    }

    private static bool Visible(OutgoingDocument document, Actor actor) =>
        actor.IsOperator
        || (actor.Has(Role.RecordsOfficer) || actor.Has(Role.Leader)) && actor.Agency?.Value == document.Agency
        || document.Drafter == actor.Name || document.Signer == actor.Name;

    private static void EnsureVisible(OutgoingDocument document, Actor actor)
    {
        if (!Visible(document, actor))
            throw new CatalogNotFoundException($"Không có văn bản đi mã {document.Id} (hoặc không được xem).");
    }

    private static void EnsureDrafter(OutgoingDocument document, Actor actor)
    {
        if (!actor.IsOperator && document.Drafter != actor.Name)
            throw new AccessDeniedException($"Chỉ người soạn ({document.Drafter}) sửa dự thảo {document.Subject}.");
    }

    private static void EnsureSigner(OutgoingDocument document, Actor actor)
    {
        if (!actor.IsOperator && document.Signer != actor.Name)
            throw new AccessDeniedException(
                $"Văn bản {Describe(document)} trình {document.Signer ?? "chưa ai"} ký, không phải {actor.Name}.");
    }

    private static void EnsureStatus(OutgoingDocument document, OutgoingStatus expected)
    {
        if (document.Status != expected)
            throw new CatalogConflictException(
                $"Văn bản {Describe(document)} {OutgoingStatusName.Of(document.Status)}, không phải {OutgoingStatusName.Of(expected)}.");
    }

    private static string Describe(OutgoingDocument document) => document.Code ?? $"\"{Shorten(document.Subject)}\"";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidRequestException($"{what}: bắt buộc.") : value.Trim();

    private static string Join(string text, string? note) => string.IsNullOrWhiteSpace(note) ? text : $"{text}: {note.Trim()}";

    private static OutgoingDocument Find(ICatalogSession session, string id) =>
        session.Outgoing.Get(id.Trim()) ?? throw new CatalogNotFoundException($"Không có văn bản đi mã {id}.");

    private TaskEntry Entry(Actor actor, string kind, string note) =>
        new() { At = clock.GetLocalNow(), By = actor.Name, Kind = kind, Note = note };

    private static OutgoingDocument Change(ICatalogSession session, string action, OutgoingDocument? before, OutgoingDocument after)
    {
        if (before is null) session.Outgoing.Insert(after);
        else session.Outgoing.Update(after);
        Audit(session, action, before, after);
        return after;
    }

    private static void Audit(ICatalogSession session, string action, OutgoingDocument? before, OutgoingDocument after) =>
        session.Record(new AuditChange(action, nameof(OutgoingDocument), after.Id, before is null ? null : Summary(before),
            Summary(after)));

    private static string Summary(OutgoingDocument d) => JsonSerializer.Serialize(new
    {
        d.Id, d.Agency, d.Register, Status = d.Status.ToString(), d.Code, d.Year, d.IssueDate, d.Signer, d.DraftDigest, d.SignedDigest,
        d.DocumentId, Recipients = d.Recipients.Select(r => $"{r.OrganId}:{r.Status}").ToArray(), Last = d.History[^1].Note,
    });
}
