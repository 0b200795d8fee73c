using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Copies;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>
/// Requests for electronic copies (NĐ 30/2020 Điều 25–26): anyone who may read a document asks for a SAO Y, a SAO LỤC of a
/// SAO Y already issued, or a TRÍCH SAO of chosen pages; the agency's approver (<see cref="CopyApproval"/>) approves or
/// refuses it with a reason. Nobody approves their own request. Every step is audited.
/// </summary>
public sealed class CopyService(ArchiveStore store, AccessPolicy policy, CopyApproval approval, TimeProvider clock)
{
    private const int MaxText = 500;

    public CopyRequest Request(NewCopyRequest request, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = CopyForm.Parse(request.Form);
        var purpose = Required(request.Purpose, "Mục đích sao");
        var recipient = Required(request.Recipient, "Nơi nhận bản sao");
        var pages = form == CopyForm.TrichSao
            ? PageSelection.Parse(request.Pages ?? "")
            : string.IsNullOrWhiteSpace(request.Pages)
                ? null
                : throw new InvalidRequestException($"Chỉ trích sao mới chọn trang; {form.Name} sao toàn bộ văn bản.");
        if (form != CopyForm.SaoLuc && !string.IsNullOrWhiteSpace(request.SourceRequest))
            throw new InvalidRequestException($"Chỉ sao lục mới làm từ một bản sao y; {form.Name} làm từ văn bản lưu trữ.");
        return store.Catalog.Write(actor, session =>
        {
            var document = session.Documents.Get(request.DocumentId)
                           ?? throw new CatalogNotFoundException($"Không có văn bản '{request.DocumentId}' trong kho.");
            var dossier = session.Dossiers.Get(document.FileCode.Value)
                          ?? throw new CatalogNotFoundException($"Không có hồ sơ {document.FileCode} của văn bản {document.Id}.");
            policy.Demand(session, actor, dossier, Operation.CopyRequest);
            if (pages is not null && document.PageAmount is { } pageCount) pages.EnsureWithin(pageCount);
            var source = form == CopyForm.SaoLuc ? SaoYFor(session, document, request.SourceRequest) : null;
            var now = clock.GetLocalNow();
            var year = now.Year;
            var number = session.CopyRequests.Where(r => r.Year == year).Select(r => r.Number).DefaultIfEmpty(0).Max() + 1;
            var created = new CopyRequest
            {
                Id = CopyRequest.IdOf(now.Year, number), Year = now.Year, Number = number, DocumentId = document.Id,
                FileCode = dossier.FileCode.Value, OrganId = dossier.OrganId.Value, Form = form.Code, Purpose = purpose,
                Recipient = recipient, Pages = pages?.Text, SourceRequestId = source?.Id, RequestedBy = actor.Name, RequestedAt = now,
                Status = CopyRequestStatus.Requested,
            };
            session.CopyRequests.Insert(created);
            session.Record(new AuditChange("copy.request", nameof(CopyRequest), created.Id, null, Summary(created)));
            return created;
        });
    }

    public CopyRequest Approve(string requestId, Actor actor) => Decide(requestId, actor, null);

    public CopyRequest Refuse(string requestId, string reason, Actor actor) =>
        Decide(requestId, actor, Required(reason, "Lý do từ chối"));

    /// <summary>
    /// Starts making an approved copy: reserves its register number, ký hiệu and verification code on the request (in the
    /// year it is made), or gives back those reserved by an attempt that failed, so numbers have no gaps.
    /// </summary>
    public CopyIssue Reserve(string requestId, Actor actor) => store.Catalog.Write(actor, session =>
    {
        var request = Find(session, requestId);
        DemandMaker(session, actor, request);
        if (request.Status != CopyRequestStatus.Approved)
            throw new InvalidRequestException($"Yêu cầu sao {request.Id} {Describe(request.Status)}: chỉ làm bản sao đã được duyệt.");
        var reserved = request;
        if (request.CopyEntryId is null)
        {
            var year = clock.GetLocalNow().Year;
            var prefix = CopyRegisterEntry.IdOf(year, 0)[..5];
            var number = session.CopyRequests.Where(r => r.CopyEntryId != null)
                .Where(r => r.CopyEntryId!.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => r.CopyNumber ?? 0).DefaultIfEmpty(0).Max() + 1;
            reserved = request with
            {
                CopyEntryId = CopyRegisterEntry.IdOf(year, number), CopyNumber = number, VerificationCode = VerificationCodes.New(),
            };
            session.CopyRequests.Update(reserved);
            session.Record(new AuditChange("copy.reserve", nameof(CopyRequest), request.Id, null,
                $"số {Notation(reserved)}, bản đăng ký {reserved.CopyEntryId}"));
        }
        var organ = session.Agencies.Get(request.OrganId)?.Name ?? request.OrganId;
        return new CopyIssue(reserved, reserved.CopyEntryId!, Notation(reserved), reserved.VerificationCode!, organ,
            request.SourceRequestId is { } source ? IssuedCopyOf(session, source) : null,
            DocumentView.Received(session, request.DocumentId)?.SignatureReport);
    });

    /// <summary>The register entry of the SAO Y a SAO LỤC is made from.</summary>
    private static CopyRegisterEntry IssuedCopyOf(ICatalogSession session, string requestId)
    {
        var source = Find(session, requestId);
        return IssuedEntry(session, source)
            ?? throw new InvalidRequestException($"Bản sao y theo yêu cầu {source.Id} chưa được cấp ({Describe(source.Status)}).");
    }

    /// <summary>The register line of the copy made for a request; null until it is made.</summary>
    private static CopyRegisterEntry? IssuedEntry(ICatalogSession session, CopyRequest request) =>
        request is { Status: CopyRequestStatus.Made, CopyEntryId: { } entryId } ? session.CopyRegister.Get(entryId) : null;

    /// <summary>
    /// Registers a copy made for <paramref name="issue"/>: its line in the register of copies, the request marked issued, the
    /// signed file kept as a blob, all in one transaction of <paramref name="work"/>.
    /// </summary>
    public CopyRegisterEntry Register(UnitOfWork work, CopyIssue issue, StoredBlob copy, int pageCount, DateTimeOffset signedAt,
        Actor actor)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(issue);
        work.Reference(copy, CopyBlobRole, issue.EntryId);
        return work.Commit(actor, session =>
        {
            var request = Find(session, issue.Request.Id);
            DemandMaker(session, actor, request);
            if (request.Status != CopyRequestStatus.Approved || request.CopyEntryId != issue.EntryId)
                throw new InvalidRequestException($"Yêu cầu sao {request.Id} đã thay đổi trong lúc làm bản sao; hãy làm lại.");
            var entry = new CopyRegisterEntry
            {
                Id = issue.EntryId, Year = int.Parse(issue.EntryId[..4], System.Globalization.CultureInfo.InvariantCulture),
                Number = request.CopyNumber!.Value, Notation = issue.Notation, Form = request.Form, RequestId = request.Id,
                DocumentId = request.DocumentId, OrganId = request.OrganId, OrganName = issue.OrganName, Pages = request.Pages,
                PageCount = pageCount,
                RequestedBy = request.RequestedBy, ApprovedBy = request.DecidedBy ?? "", Recipient = request.Recipient,
                MadeBy = actor.Name, SignedAt = signedAt, Sha256 = copy.Digest.Hex, Length = copy.Length,
                VerificationCode = issue.VerificationCode, SourceCopyId = issue.SourceCopy?.Id,
                SourceSignatureReport = issue.SourceSignatureReport,
            };
            session.CopyRegister.Insert(entry);
            session.CopyRequests.Update(request with { Status = CopyRequestStatus.Made });
            session.Record(new AuditChange("copy.make", nameof(CopyRegisterEntry), entry.Id, null,
                $"{entry.CopyForm.Name} số {entry.Notation} văn bản {entry.DocumentId} cho {entry.Recipient}; SHA-256 {entry.Sha256}"));
            return entry;
        });
    }

    /// <summary>
    /// Whether the archive issued a file (by its SHA-256) or a code: public, as the verification page asks it, so it tells
    /// only what the copy itself shows.
    /// </summary>
    public CopyVerification? Verify(Sha256Digest? file, string? code)
    {
        var wanted = code?.Trim().ToUpperInvariant();
        var entry = store.Catalog.Read(session => file is { } digest
            ? session.CopyRegister.Where(e => e.Sha256 == digest.Hex).FirstOrDefault()
            : session.CopyRegister.Where(e => e.VerificationCode == wanted).FirstOrDefault());
        if (entry is null) return null;
        return new CopyVerification(entry.Notation, entry.CopyForm.Name, entry.OrganName, entry.SignedAt, entry.PageCount, entry.Sha256,
            entry.VerificationCode);
    }

    /// <summary>
    /// A copy issued for a request, as it was signed, for those who may see the request: to hand it to the recipient (again).
    /// The stream checks the copy's SHA-256 as it is read.
    /// </summary>
    public (CopyRegisterEntry Entry, Stream Content) OpenIssued(string requestId, Actor actor)
    {
        var request = Get(requestId, actor);
        var entry = store.Catalog.Read(session => IssuedEntry(session, request))
                    ?? throw new CatalogNotFoundException($"Yêu cầu sao {request.Id} chưa được cấp bản sao ({Describe(request.Status)}).");
        return (entry, store.Blobs.OpenRead(Sha256Digest.Parse(entry.Sha256)));
    }

    /// <summary>The signed copy a register entry keeps, for a SAO LỤC made from it or to hand out again.</summary>
    public const string CopyBlobRole = "copy";

    private void DemandMaker(ICatalogSession session, Actor actor, CopyRequest request)
    {
        policy.Demand(session, actor, Operation.CopyMake);
        if (!actor.IsOperator && actor.Agency?.Value != request.OrganId)
            throw new AccessDeniedException($"Yêu cầu sao {request.Id} là của cơ quan {request.OrganId}; " +
                                            $"tài khoản {actor.Name} không thuộc cơ quan đó.");
    }

    private static string Notation(CopyRequest request) => $"{request.CopyNumber:D2}/{request.Form}";

    /// <summary>One request, for its requester, the approvers of its agency, and whoever may read its document.</summary>
    public CopyRequest Get(string requestId, Actor actor) => store.Catalog.Read(session =>
    {
        var request = Find(session, requestId);
        if (!MaySee(session, actor, request))
            throw new AccessDeniedException($"Tài khoản {actor.Name} không xem được yêu cầu sao {request.Id}.");
        return request;
    });

    /// <summary>Newest first: the actor's own requests, and for an approver every request of its agency.</summary>
    public IReadOnlyList<CopyRequest> List(Actor actor, CopyRequestStatus? status = null) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.CatalogRead);
        return session.CopyRequests.All()
            .Where(r => status is null || r.Status == status)
            .Where(r => r.RequestedBy == actor.Name || IsApproverFor(session, actor, r))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number)
            .ToList();
    });

    /// <summary>
    /// Which of these requests <paramref name="actor"/> may approve or refuse: for the pages, which show only what may be done.
    /// </summary>
    public IReadOnlySet<string> Decidable(IEnumerable<CopyRequest> requests, Actor actor) => store.Catalog.Read(session =>
        requests.Where(r => r.Status == CopyRequestStatus.Requested && r.RequestedBy != actor.Name && IsApproverFor(session, actor, r))
            .Select(r => r.Id).ToHashSet());

    private CopyRequest Decide(string requestId, Actor actor, string? refusal) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.CopyApprove);
        var request = Find(session, requestId);
        if (!actor.IsOperator && !actor.Has(approval.Approver))
            throw new AccessDeniedException($"Yêu cầu sao do {approval.Approver.Name} phê duyệt (theo cấu hình của cơ quan); " +
                                            $"tài khoản {actor.Name} không phải {approval.Approver.Name}.");
        if (!actor.IsOperator && actor.Agency?.Value != request.OrganId)
            throw new AccessDeniedException($"Yêu cầu sao {request.Id} là của cơ quan {request.OrganId}; " +
                                            $"tài khoản {actor.Name} không thuộc cơ quan đó.");
        if (request.RequestedBy == actor.Name)
            throw new AccessDeniedException($"Không tự phê duyệt yêu cầu sao {request.Id} của chính mình.");
        if (request.Status != CopyRequestStatus.Requested)
            throw new InvalidRequestException($"Yêu cầu sao {request.Id} đã {Describe(request.Status)}; không quyết định lại được.");
        var decided = request with
        {
            Status = refusal is null ? CopyRequestStatus.Approved : CopyRequestStatus.Refused, DecidedBy = actor.Name,
            DecidedAt = clock.GetLocalNow(), RefusalReason = refusal,
        };
        session.CopyRequests.Update(decided);
        session.Record(new AuditChange(refusal is null ? "copy.approve" : "copy.refuse", nameof(CopyRequest), decided.Id,
            Summary(request), Summary(decided)));
        return decided;
    });

    /// <summary>The request whose SAO Y a SAO LỤC is made from: a SAO Y of the same document, already issued.</summary>
    private static CopyRequest SaoYFor(ICatalogSession session, ArchivedDocument document, string? sourceRequestId)
    {
        if (string.IsNullOrWhiteSpace(sourceRequestId))
            throw new InvalidRequestException("Sao lục làm từ một bản sao y đã cấp: ghi số yêu cầu của bản sao y đó.");
        var source = Find(session, sourceRequestId);
        if (source.Form != CopyForm.SaoY.Code || source.DocumentId != document.Id)
            throw new InvalidRequestException($"Yêu cầu {source.Id} không phải bản sao y của văn bản {document.Id}.");
        if (source.Status != CopyRequestStatus.Made)
            throw new InvalidRequestException($"Bản sao y theo yêu cầu {source.Id} chưa được cấp ({Describe(source.Status)}).");
        return source;
    }

    private bool MaySee(ICatalogSession session, Actor actor, CopyRequest request) =>
        actor.IsOperator || request.RequestedBy == actor.Name || IsApproverFor(session, actor, request)
        || (session.Dossiers.Get(request.FileCode) is { } dossier && policy.Allows(session, actor, dossier, Operation.DocumentRead));

    private bool IsApproverFor(ICatalogSession session, Actor actor, CopyRequest request) =>
        actor.IsOperator || (actor.Has(approval.Approver) && actor.Agency?.Value == request.OrganId
                             && policy.Allows(session, actor, Operation.CopyApprove));

    private static CopyRequest Find(ICatalogSession session, string requestId) =>
        session.CopyRequests.Get(requestId.Trim()) ?? throw new CatalogNotFoundException($"Không có yêu cầu sao '{requestId}'.");

    private static string Required(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) throw new InvalidRequestException($"{field} không được để trống.");
        if (value.Length > MaxText) throw new InvalidRequestException($"{field} dài quá {MaxText} ký tự.");
        if (value.Any(char.IsControl)) throw new InvalidRequestException($"{field} có ký tự điều khiển.");
        return value;
    }

    private static string Describe(CopyRequestStatus status) => status switch
    {
        CopyRequestStatus.Requested => "chờ phê duyệt",
        CopyRequestStatus.Approved => "được duyệt",
        CopyRequestStatus.Refused => "bị từ chối",
        _ => "được cấp",
    };

    private static string Summary(CopyRequest r) =>
        $"{r.CopyForm.Name} văn bản {r.DocumentId}{(r.Pages is null ? "" : $" trang {r.Pages}")} cho {r.Recipient}; " +
        $"{Describe(r.Status)}{(r.RefusalReason is null ? "" : $": {r.RefusalReason}")}";
}
