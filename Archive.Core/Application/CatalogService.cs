using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using DossierField = Archive.Core.Catalog.Tt02Fields.Dossier;
using FondsField = Archive.Core.Catalog.Tt02Fields.Fonds;

namespace Archive.Core.Application;

/// <summary>
/// The agency's catalog (danh mục): agencies, fonds and dossiers, and the dossier life cycle.
/// Every change is validated against TT 02 first and audited in the same transaction.
/// </summary>
/// <param name="restricted">The air-gapped collection: restricted dossiers (Rights "Hạn chế") live there, never in the main catalog.</param>
/// <param name="policy">The access policy every call goes through.</param>
public sealed class CatalogService(ArchiveStore store, TimeProvider clock, RestrictedCollection? restricted = null,
    AccessPolicy? policy = null)
{
    private readonly AccessPolicy _policy = policy ?? new AccessPolicy();
    private readonly CatalogReadCache<string, SearchScope> _searchScopes = new(store.Catalog);

    public static readonly IReadOnlySet<string> DossierTags = Tags(Tt02Fields.Dossier.All);
    public static readonly IReadOnlySet<string> FondsTags = Tags(Tt02Fields.Fonds.All);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Agency CreateAgency(string code, string name, string? parentCode, Actor actor)
    {
        var binder = new MetadataBinder(Tt02Metadata.Empty.With(Tt02Fields.Agency.Code.Tag, code));
        var agencyCode = binder.Value(Tt02Fields.Agency.Code, AgencyCode.Parse, required: true);
        binder.ThrowIfAny();
        var agency = new Agency { Code = agencyCode!, Name = name.Trim(), ParentCode = parentCode, CreatedAt = clock.GetLocalNow() };
        CatalogValidator.EnsureValid(agency, Today);
        return store.Catalog.Write(actor, session =>
        {
            _policy.Demand(session, actor, Operation.AgencyCreate);
            if (session.Agencies.Exists(agency.Code.Value))
                throw new CatalogConflictException($"Cơ quan có mã định danh {agency.Code} đã có trong danh mục.");
            session.Agencies.Insert(agency);
            session.Record(new AuditChange("agency.create", nameof(Agency), agency.Code.Value, null, AuditSummary.Of(agency)));
            return agency;
        });
    }

    public IReadOnlyList<Agency> Agencies(Actor actor) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, Operation.CatalogRead);
        return s.Agencies.All();
    });

    public Agency Agency(string code, Actor actor) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, Operation.CatalogRead);
        return s.Agencies.Get(Normalise(code));
    }) ?? throw new CatalogNotFoundException($"Không có cơ quan mã định danh '{code}' trong danh mục.");

    public Fonds CreateFonds(Tt02Metadata metadata, Actor actor)
    {
        var b = new MetadataBinder(metadata);
        var organ = b.Value(FondsField.OrganId, AgencyCode.Parse, required: true);
        var fonds = new Fonds
        {
            OrganId = organ!,
            Identifier = b.Text(FondsField.Identifier) ?? "",
            FondName = b.Text(FondsField.FondName, required: true) ?? "",
            FondHistory = b.Text(FondsField.FondHistory),
            ArchivesTime = b.Text(FondsField.ArchivesTime),
            PaperTotal = b.Number(FondsField.PaperTotal),
            PaperDigital = b.Number(FondsField.PaperDigital),
            KeyGroups = b.Text(FondsField.KeyGroups),
            OtherTypes = b.Text(FondsField.OtherTypes),
            Language = b.Value(FondsField.Language, LanguageCode.Parse),
            LookupTools = b.Text(FondsField.LookupTools),
            CopyNumber = b.Number(FondsField.CopyNumber),
            Description = b.Text(FondsField.Description),
        };
        b.ThrowIfAny();
        CatalogValidator.EnsureValid(fonds, Today);
        return store.Catalog.Write(actor, session =>
        {
            _policy.Demand(session, actor, Operation.FondsCreate);
            EnsureAgencyExists(session, fonds.OrganId, FondsField.OrganId);
            if (session.Fonds.Exists(fonds.OrganId.Value))
                throw new CatalogConflictException($"Phông của cơ quan {fonds.OrganId} đã có trong danh mục.");
            session.Fonds.Insert(fonds);
            session.Record(new AuditChange("fonds.create", nameof(Fonds), fonds.OrganId.Value, null, AuditSummary.Of(fonds)));
            return fonds;
        });
    }

    public IReadOnlyList<Fonds> Fonds(Actor actor) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, Operation.CatalogRead);
        return s.Fonds.All();
    });

    /// <param name="unit">The unit the dossier belongs to; the acting user's unit when not given.</param>
    public Dossier CreateDossier(Tt02Metadata metadata, Actor actor, string? unit = null)
    {
        var dossier = BindDossier(metadata) with { Unit = string.IsNullOrWhiteSpace(unit) ? actor.Unit : unit.Trim() };
        var agency = store.Catalog.Read(s =>
        {
            _policy.Demand(s, actor, Operation.DossierCreate);
            if (!actor.IsOperator && actor.Agency != dossier.OrganId)
                throw new AccessDeniedException(
                    $"Tài khoản {actor.Name} chỉ lập được hồ sơ của cơ quan mình ({actor.Agency?.Value ?? "chưa có"}).");
            return s.Agencies.Get(dossier.OrganId.Value);
        });
        var target = dossier.Rights.IsRestricted ? RestrictedStore() : store;
        var created = target.Catalog.Write(actor, session =>
        {
            if (agency is not null && target != store && !session.Agencies.Exists(agency.Code.Value))
            {
                // The restricted catalog stands alone on its machine: it keeps its own copy of the agency.
                session.Agencies.Insert(agency);
                session.Record(new AuditChange("agency.replicate", nameof(Agency), agency.Code.Value, null, AuditSummary.Of(agency)));
            }
            EnsureAgencyExists(session, dossier.OrganId, DossierField.OrganId);
            if (session.Dossiers.Exists(dossier.FileCode.Value) || (target == store && RestrictedHas(dossier.FileCode.Value)))
                throw new CatalogConflictException($"Mã hồ sơ {dossier.FileCode} đã tồn tại; mỗi hồ sơ cần một mã riêng.");
            session.Dossiers.Insert(dossier);
            session.Record(new AuditChange("dossier.create", nameof(Dossier), dossier.FileCode.Value, null, AuditSummary.Of(dossier)));
            return dossier;
        });
        // Nobody reaches a restricted dossier without a grant of their own: its creator gets one, audited as a change of rights.
        if (created.Rights.IsRestricted && !actor.IsOperator)
            store.Catalog.Write(actor, session =>
            {
                var grant = new DossierGrant
                {
                    Id = DossierGrant.IdOf(created.FileCode.Value, Grantee.User(actor.Name)), FileCode = created.FileCode.Value,
                    Grantee = Grantee.User(actor.Name).Value, Level = AccessLevel.Manage, GrantedBy = actor.Name,
                    GrantedAt = clock.GetLocalNow(),
                };
                session.Grants.Insert(grant);
                session.Record(new AuditChange("rights.grant", nameof(DossierGrant), grant.Id, null, "creator of a restricted dossier"));
                return 0;
            });
        return created;
    }

    /// <summary>The dossiers the actor may see (DESIGN.md 10); others are not listed, nor counted.</summary>
    /// <param name="restrictedCollection">List the air-gapped collection instead of the main catalog.</param>
    public IReadOnlyList<Dossier> Dossiers(Actor actor, DossierStatus? status = null, bool restrictedCollection = false)
    {
        var visible = store.Catalog.Read(s =>
        {
            _policy.Demand(s, actor, Operation.CatalogRead);
            return _policy.Visibility(s, actor);
        });
        if (restrictedCollection && !visible.RestrictedReachable)
            throw new AccessDeniedException("Kho hạn chế sử dụng chỉ truy cập được từ máy của kho hoặc từ mạng cách ly (Điều 16.6).");
        return (restrictedCollection ? RestrictedStore() : store).Catalog.Read(s =>
                status is { } wanted ? s.Dossiers.Where(d => d.Status == wanted) : s.Dossiers.All())
            .Where(visible.Allows).ToList();
    }

    /// <summary>
    /// What the actor may find by searching: recomputed from the grants for each search, so a grant or a revoke counts at once.
    /// </summary>
    public SearchScope SearchScope(Actor actor) => _searchScopes.Read(SearchScopeKey(actor), s =>
    {
        _policy.Demand(s, actor, Operation.Search);
        var visible = _policy.Visibility(s, actor);
        if (visible.IsEverything) return Access.SearchScope.Everything;
        var codes = new HashSet<string>(visible.Granted, StringComparer.Ordinal);
        if (visible.Unit is { } unit)
            codes.UnionWith(s.Dossiers.Where(d => d.Unit == unit).Where(d => d.OrganId.Value == visible.Agency)
                .Select(d => d.FileCode.Value));
        return new SearchScope(visible.WholeAgencies, codes);
    });

    /// <summary>Everything of the actor that decides its search scope (and whether it may search at all).</summary>
    private static string SearchScopeKey(Actor actor) => string.Join('|', actor.Kind, actor.Name, actor.Zone, actor.Agency?.Value,
        actor.Unit, string.Join(',', actor.Roles.Order()), actor.Scopes is { } scopes ? string.Join(',', scopes.Order()) : "*");

    public DossierDetails Dossier(string code, Actor actor)
    {
        var dossier = Locate(code);
        Demand(actor, dossier, Operation.DossierRead);
        var details = StoreOf(code).Catalog.Read(session => new DossierDetails(dossier, DocumentsOf(session, dossier.FileCode)));
        // Who looked into a restricted dossier is in the access log (its list of documents is restricted content too).
        if (dossier.Rights.IsRestricted)
            store.Catalog.Write(actor, session =>
            {
                session.Record(new AuditChange("dossier.read", nameof(Catalog.Dossier), dossier.FileCode.Value, null,
                    $"{details.Documents.Count} văn bản; {actor.Zone}"));
                return 0;
            });
        return details;
    }

    /// <summary>The agencies the actor may open a new dossier in: its own (all of them for the operator).</summary>
    public IReadOnlyList<Agency> AgenciesForNewDossiers(Actor actor) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, Operation.DossierCreate);
        return s.Agencies.All().Where(a => actor.IsOperator || a.Code == actor.Agency).ToList();
    });

    /// <summary>A dossier about to be edited, with the revision the edit must name; refused unless it is open and the actor
    /// manages it.</summary>
    public (Dossier Dossier, DossierRevision Revision) DossierToEdit(string code, Actor actor)
    {
        var dossier = Locate(code);
        Demand(actor, dossier, Operation.DossierManage);
        if (dossier.Status != DossierStatus.Open) throw NotOpen(dossier);
        return (dossier, DossierRevision.Of(dossier));
    }

    /// <summary>Whether the actor may do an operation that is not on one dossier (open a dossier, say): what a page offers.</summary>
    public bool Allows(Actor actor, Operation operation) => store.Catalog.Read(main => _policy.Allows(main, actor, operation));

    /// <summary>Whether the actor may do an operation on a dossier: what a page offers.</summary>
    public bool Allows(Actor actor, Dossier dossier, Operation operation) =>
        store.Catalog.Read(main => _policy.Allows(main, actor, dossier, operation));

    /// <summary>
    /// Edits an open dossier's description. The metadata is the whole new description: an optional field left out is cleared.
    /// The code and its parts are not edited, and the totals are computed when the dossier is closed. When
    /// <paramref name="revision"/> is given and someone else changed the dossier since, the edit is refused, never merged.
    /// </summary>
    public Dossier EditDossier(string code, Tt02Metadata metadata, DossierRevision? revision, Actor actor)
    {
        var current = Locate(code);
        var problems = new List<ValidationError>();
        foreach (var (field, value) in Fixed(current))
            if (metadata[field.Tag] is { } given && given != value)
                problems.Add(ValidationError.For(field, "là một phần của mã hồ sơ, không sửa được; lập hồ sơ mới nếu cần mã khác."));
        foreach (var field in Computed)
            if (metadata[field.Tag] is not null)
                problems.Add(ValidationError.For(field, "được tính khi đóng hồ sơ, không nhập tay."));
        var bound = Bind(() => BindDossier(Fixed(current).Aggregate(metadata, (m, pair) => m.With(pair.Field.Tag, pair.Value))), problems);
        var paper = new MetadataBinder(metadata);
        var sheets = paper.Number(DossierField.SheetTotal);
        problems.AddRange(paper.Errors);
        if (AccessMode.TryParse(metadata[DossierField.Rights.Tag] ?? AccessMode.Open.Code, out var rights)
            && rights.IsRestricted != current.Rights.IsRestricted)
            problems.Add(ValidationError.For(DossierField.Rights,
                "hồ sơ hạn chế sử dụng nằm trong kho cách ly (Điều 16.6); không đổi được giữa Hạn chế và Không hạn chế."));
        if (problems.Count > 0) throw new CatalogValidationException(problems);
        return WriteOn(code, actor, (session, judge) =>
        {
            var before = FindDossier(session, code);
            judge(before, Operation.DossierManage);
            if (revision is not null && DossierRevision.Of(before) != revision)
                throw new StaleRevisionException(
                    $"Hồ sơ {before.FileCode} đã được sửa sau khi bạn mở nó; tải lại để xem bản mới nhất rồi sửa lại.");
            if (before.Status != DossierStatus.Open) throw NotOpen(before);
            var after = before with
            {
                Identifier = bound!.Identifier, Title = bound.Title, Maintenance = bound.Maintenance, Rights = bound.Rights,
                Language = bound.Language, Description = bound.Description, InforSign = bound.InforSign, Keyword = bound.Keyword,
                Format = bound.Format, Creator = bound.Creator, SheetTotal = sheets ?? 0,
            };
            if (after == before) return before;
            session.Dossiers.Update(after);
            session.Record(new AuditChange("dossier.edit", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before),
                AuditSummary.Of(after)));
            return after;
        });
    }

    /// <summary>Closes a dossier: its totals (documents, pages, first and last date) are computed now.</summary>
    public Dossier CloseDossier(string code, Actor actor) => WriteOn(code, actor, (session, judge) =>
    {
        var before = FindDossier(session, code);
        judge(before, Operation.DossierManage);
        var after = before.Close(DocumentsOf(session, before.FileCode), clock.GetLocalNow());
        session.Dossiers.Update(after);
        session.Record(new AuditChange("dossier.close", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before), AuditSummary.Of(after)));
        return after;
    });

    public Dossier ReopenDossier(string code, string reason, Actor actor) => WriteOn(code, actor, (session, judge) =>
    {
        var before = FindDossier(session, code);
        judge(before, Operation.DossierManage);
        var after = before.Reopen(reason);
        session.Dossiers.Update(after);
        session.Record(new AuditChange("dossier.reopen", nameof(Dossier), after.FileCode.Value, AuditSummary.Of(before), AuditSummary.Of(after)));
        return after;
    });

    /// <summary>
    /// The store that holds a dossier: the main catalog, else the restricted collection, which is
    /// opened (after the air-gap check) only when it exists and the code is not in the main catalog.
    /// </summary>
    public ArchiveStore StoreOf(string code)
    {
        if (store.Catalog.Read(s => s.Dossiers.Exists(Normalise(code))) || restricted is not { Exists: true }) return store;
        var collection = restricted.Open();
        return collection.Catalog.Read(s => s.Dossiers.Exists(Normalise(code))) ? collection : store;
    }

    /// <summary>A document and the store that holds it (the main catalog, else the restricted collection), without an access check.</summary>
    internal (ArchiveStore Store, ArchivedDocument Document) LocateDocument(string id)
    {
        if (store.Catalog.Read(s => s.Documents.Get(id)) is { } document) return (store, document);
        if (restricted is { Exists: true } && restricted.Open() is var closed && closed.Catalog.Read(s => s.Documents.Get(id)) is { } hidden)
            return (closed, hidden);
        throw new CatalogNotFoundException($"Không có văn bản mã '{id}' trong kho.");
    }

    /// <summary>A dossier wherever it lives, without an access check: for services that then check the actor on it.</summary>
    internal Dossier Locate(string code) => StoreOf(code).Catalog.Read(session => FindDossier(session, code));

    /// <summary>
    /// The policy's check on a dossier. Grants and accounts live in the main catalog: for a restricted dossier they are read
    /// beside the restricted collection's transaction, not in it.
    /// </summary>
    internal void Demand(Actor actor, Dossier dossier, Operation operation) =>
        store.Catalog.Read(main =>
        {
            _policy.Demand(main, actor, dossier, operation);
            return 0;
        });

    /// <summary>
    /// A write on the store that holds the dossier. The work is handed the policy's check, run inside the same transaction
    /// when the dossier is in the main catalog (where the grants are).
    /// </summary>
    internal T WriteOn<T>(string code, Actor actor, Func<ICatalogSession, Action<Dossier, Operation>, T> work)
    {
        var target = StoreOf(code);
        return target.Catalog.Write(actor, session => work(session, (dossier, operation) =>
        {
            if (ReferenceEquals(target, store)) _policy.Demand(session, actor, dossier, operation);
            else Demand(actor, dossier, operation);
        }));
    }

    private ArchiveStore RestrictedStore() =>
        restricted?.Open() ?? throw new CatalogValidationException(ValidationError.For(DossierField.Rights,
            "hồ sơ hạn chế sử dụng chỉ được lập trong kho cách ly (Điều 16.6), chưa được cấu hình ở đây."));

    private bool RestrictedHas(string code) =>
        restricted is { Exists: true, IsOpen: true } && restricted.Open().Catalog.Read(s => s.Dossiers.Exists(code));

    internal static Dossier FindDossier(ICatalogSession session, string code) =>
        session.Dossiers.Get(Normalise(code)) ??
        throw new CatalogNotFoundException($"Không có hồ sơ mã '{code}' trong danh mục.");

    internal static IReadOnlyList<ArchivedDocument> DocumentsOf(ICatalogSession session, DossierCode code) =>
        session.Documents.Where(d => d.FileCode == code).OrderBy(d => d.DocOrdinal).ToList();

    internal static void EnsureAgencyExists(ICatalogSession session, AgencyCode code, Tt02Field field)
    {
        if (!session.Agencies.Exists(code.Value))
            throw new CatalogValidationException(ValidationError.For(field,
                $"cơ quan {code} chưa có trong danh mục; thêm cơ quan này vào danh mục trước."));
    }

    internal Dossier BindDossier(Tt02Metadata metadata)
    {
        var b = new MetadataBinder(metadata);
        // The code is either given whole, or composed from its three parts (TT02.md §2).
        var given = b.Value(DossierField.FileCode, DossierCode.Parse);
        var organ = b.Value(DossierField.OrganId, AgencyCode.Parse, required: given is null) ?? given?.Organ;
        var year = b.Number(DossierField.FileCatalog, required: given is null) ?? given?.Year;
        var notation = b.Text(DossierField.FileNotation, required: given is null) ?? given?.FileNotation;
        var code = given;
        if (code is null && organ is not null && year is not null && notation is not null)
        {
            try
            {
                code = DossierCode.Compose(organ, year.Value, notation);
            }
            catch (CatalogValidationException e)
            {
                foreach (var error in e.Errors) b.Add(error);
            }
        }
        var dossier = new Dossier
        {
            FileCode = code!,
            OrganId = organ!,
            FileCatalog = year ?? 0,
            FileNotation = notation ?? "",
            Identifier = b.Text(DossierField.Identifier) ?? "",
            Title = b.Text(DossierField.Title, required: true) ?? "",
            Maintenance = b.Value(DossierField.Maintenance, RetentionPeriod.Parse, required: true)!,
            Rights = b.Value(DossierField.Rights, AccessMode.Parse) ?? AccessMode.Open,
            Language = b.Value(DossierField.Language, LanguageCode.Parse) ?? LanguageCode.Vietnamese,
            Description = b.Text(DossierField.Description),
            InforSign = b.Text(DossierField.InforSign),
            Keyword = b.Text(DossierField.Keyword),
            Format = b.Text(DossierField.Format),
            Creator = b.Text(DossierField.Creator),
            Status = DossierStatus.Open,
        };
        b.ThrowIfAny();
        CatalogValidator.EnsureValid(dossier, Today);
        return dossier;
    }

    private static DossierLifecycleException NotOpen(Dossier dossier) => new(dossier.FileCode, dossier.Status,
        $"Hồ sơ {dossier.FileCode} không ở trạng thái mở; mở lại hồ sơ (kèm lý do) trước khi sửa.");

    private static IEnumerable<(Tt02Field Field, string Value)> Fixed(Dossier dossier) =>
    [
        (DossierField.FileCode, dossier.FileCode.Value), (DossierField.OrganId, dossier.OrganId.Value),
        (DossierField.FileCatalog, dossier.FileCatalog.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (DossierField.FileNotation, dossier.FileNotation),
    ];

    private static readonly Tt02Field[] Computed =
        [DossierField.DocTotal, DossierField.PageTotal, DossierField.StartDate, DossierField.EndDate];

    /// <summary>Runs a binding, collecting its errors with the others instead of stopping at them.</summary>
    private static T? Bind<T>(Func<T> bind, List<ValidationError> problems) where T : class
    {
        try
        {
            return bind();
        }
        catch (CatalogValidationException e)
        {
            problems.AddRange(e.Errors);
            return null;
        }
    }

    private static string Normalise(string code) => code.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static HashSet<string> Tags(IEnumerable<Tt02Field> fields) => fields.Select(x => x.Tag).ToHashSet(StringComparer.Ordinal);
}
