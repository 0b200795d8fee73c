using System.Globalization;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using DocumentField = Archive.Core.Catalog.Tt02Fields.Document;

namespace Archive.Core.Application;

/// <summary>
/// Files a document into an open dossier: its metadata is checked first, its bytes are stored
/// durably, and only then is the record committed, with the next number in the dossier.
/// </summary>
/// <param name="restricted">Where documents of restricted dossiers go (the air-gapped collection).</param>
/// <param name="policy">The access policy: filing needs the contribute level on the dossier.</param>
/// <param name="indexing">Makes what <see cref="AddAsync"/> files findable.</param>
public sealed class DocumentFiling(ArchiveStore store, TimeProvider clock, RestrictedCollection? restricted = null,
    AccessPolicy? policy = null, ArchiveIndexing? indexing = null)
{
    public const string OriginalRole = "original";
    /// <summary>The role of a document's PDF/A preservation copy (made by the ingest's preservation step).</summary>
    public const string PdfARole = "pdfa";
    // Stands in for a code the archive assigns inside the commit, so the rest can be validated before.
    private const string Unassigned = "UNASSIGNED";

    /// <summary>The metadata tags a document accepts (TT02.md §1).</summary>
    public static readonly IReadOnlySet<string> Tags = Tt02Fields.Document.All.Select(f => f.Tag).ToHashSet(StringComparer.Ordinal);

    /// <param name="inSameTransaction">More catalog changes that must commit with the filing or not at all (e.g. the arrival number).</param>
    public async Task<ArchivedDocument> FileAsync(string dossierCode, Tt02Metadata metadata, Stream content, Actor actor,
        CancellationToken cancellationToken, Action<ICatalogSession, ArchivedDocument>? inSameTransaction = null)
    {
        var catalog = new CatalogService(store, clock, restricted, policy);
        var target = catalog.StoreOf(dossierCode);
        var dossier = target.Catalog.Read(s => CatalogService.FindDossier(s, dossierCode));
        // Judged before a byte is stored, and again inside the transaction that files it.
        catalog.Demand(actor, dossier, Operation.DocumentAdd);
        dossier.EnsureAcceptsDocuments();
        var id = Guid.CreateVersion7().ToString("N");
        // Validate everything the user gave before a single byte is stored.
        var draft = Bind(dossier, metadata, id, docOrdinal: 1, docCode: metadata[Tt02Fields.Document.DocCode.Tag] ?? Unassigned);

        if (draft.Mode.IsRestricted && !dossier.Rights.IsRestricted)
            throw new CatalogValidationException(ValidationError.For(DocumentField.Mode,
                $"văn bản hạn chế sử dụng phải được lập vào hồ sơ hạn chế (kho cách ly); hồ sơ {dossier.FileCode} là hồ sơ không hạn chế."));
        var work = target.BeginWork();
        var original = (await work.AddBlobAsync(content, OriginalRole, id, cancellationToken).ConfigureAwait(false)).Digest.Hex;
        target.Crash.Reached(CrashPoint.BeforeFilingCommit);
        return await work.CommitAsync(actor, session =>
        {
            var current = CatalogService.FindDossier(session, dossierCode);
            if (ReferenceEquals(target, store)) (policy ?? new AccessPolicy()).Demand(session, actor, current, Operation.DocumentAdd);
            current.EnsureAcceptsDocuments();
            var ordinal = session.Documents.Count(d => d.FileCode == current.FileCode) + 1;
            var docCode = draft.DocCode != Unassigned ? draft.DocCode : NextDocCode(session, current);
            if (session.Documents.Count(d => d.DocCode == docCode) > 0)
                throw new CatalogConflictException($"Mã định danh văn bản {docCode} đã có trong kho: văn bản trùng.");
            // TT02.md §4: the same bytes are the same document. (One blob, one owner: a second would not find its original.)
            if (session.Blobs.Get(original) is { Role: OriginalRole } held && held.OwnerId != id
                || session.Inbox.Where(i => i.Digest == original).Any(i => i.DocumentId is not null))
                throw new CatalogConflictException(
                    "Trùng: tệp giống hệt (cùng mã băm SHA-256) đã có trong kho; không lập lại văn bản này.");
            var document = draft with { DocOrdinal = ordinal, DocCode = docCode };
            CatalogValidator.EnsureValid(document, Today);
            session.Documents.Insert(document);
            session.Record(new AuditChange("document.file", nameof(ArchivedDocument), id, null, AuditSummary.Of(document)));
            inSameTransaction?.Invoke(session, document);
            return document;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// `archive document add`: files a document as it is and makes it findable. <see cref="FiledDocument.NotIndexed"/> says
    /// when the index could not be updated now (the document is filed either way).
    /// </summary>
    public async Task<FiledDocument> AddAsync(string dossierCode, Tt02Metadata metadata, Stream content, Actor actor,
        CancellationToken cancellationToken)
    {
        var document = await FileAsync(dossierCode, metadata, content, actor, cancellationToken).ConfigureAwait(false);
        var notIndexed = indexing is null ? null : await indexing.AddAsync([document.Id], cancellationToken).ConfigureAwait(false);
        return new FiledDocument(document, notIndexed);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>QĐ 28/2018 Điều 10: agency identifier, year, and the sequence number within the year.</summary>
    private string NextDocCode(ICatalogSession session, Dossier dossier)
    {
        var year = Today.Year.ToString(CultureInfo.InvariantCulture);
        var prefix = $"{dossier.OrganId.Value}.{year}.";
        var taken = session.Documents.Count(d => d.DocCode.StartsWith(prefix));
        return prefix + (taken + 1).ToString("D6", CultureInfo.InvariantCulture);
    }

    internal ArchivedDocument Bind(Dossier dossier, Tt02Metadata metadata, string id, int docOrdinal, string docCode)
    {
        var b = new MetadataBinder(metadata);
        if (b.Text(DocumentField.FileCode) is { } fileCode && fileCode != dossier.FileCode.Value)
            b.Add(ValidationError.For(DocumentField.FileCode, $"\"{fileCode}\" khác với hồ sơ được chọn {dossier.FileCode}."));
        var document = ArchivedDocument.ForDossier(dossier, id, docCode, docOrdinal,
                b.Text(DocumentField.TypeName, required: true) ?? "", b.Text(DocumentField.OrganName, required: true) ?? "",
                b.Value(DocumentField.Mode, AccessMode.Parse) ?? dossier.Rights, DocumentOrigin.BornDigital) with
            {
                CodeNumber = b.Text(DocumentField.CodeNumber),
                CodeNotation = b.Text(DocumentField.CodeNotation),
                IssuedDate = b.Date(DocumentField.IssuedDate),
                Subject = b.Text(DocumentField.Subject),
                Language = b.Value(DocumentField.Language, LanguageCode.Parse) ?? LanguageCode.Vietnamese,
                PageAmount = b.Number(DocumentField.PageAmount),
                Description = b.Text(DocumentField.Description),
                InforSign = b.Text(DocumentField.InforSign),
                Keyword = b.Text(DocumentField.Keyword),
                ConfidenceLevel = b.Value(DocumentField.ConfidenceLevel, ConfidenceLevel.Parse),
                Autograph = b.Text(DocumentField.Autograph),
                Format = b.Text(DocumentField.Format),
            };
        b.ThrowIfAny();
        CatalogValidator.EnsureValid(document, Today);
        return document;
    }
}

/// <summary>A document just filed, and why it is not yet findable when the index could not be updated.</summary>
public sealed record FiledDocument(ArchivedDocument Document, string? NotIndexed);
