namespace Archive.Core.Catalog;

/// <summary>
/// A document filed in a dossier, with the 22 TT 02 §1 metadata fields. The dossier-derived
/// fields (FileCode, OrganId, FileCatalog, FileNotation, Identifier) are stored as TT 02 lists
/// them; <see cref="CatalogValidator"/> checks they agree. Use <see cref="ForDossier"/> to fill them.
/// </summary>
public sealed record ArchivedDocument
{
    private readonly string _identifier = "";

    /// <summary>The archive's own id (ULID/GUID string), independent of the agency's codes.</summary>
    public required string Id { get; init; }

    /// <summary>Mã định danh văn bản (25).</summary>
    public required string DocCode { get; init; }

    public required DossierCode FileCode { get; init; }

    /// <summary>Mã cơ quan lưu trữ lịch sử (13); empty until known.</summary>
    /// <remarks>Null (e.g. LiteDB's EmptyStringToNull on read) is kept as "", so the property is never null.</remarks>
    public string Identifier { get => _identifier; init => _identifier = value ?? ""; }

    public required AgencyCode OrganId { get; init; }

    public required int FileCatalog { get; init; }

    public required string FileNotation { get; init; }

    /// <summary>Số thứ tự văn bản trong hồ sơ, from 1.</summary>
    public required int DocOrdinal { get; init; }

    /// <summary>Tên loại văn bản (100), e.g. "Quyết định", "Công văn".</summary>
    public required string TypeName { get; init; }

    /// <summary>Số của văn bản (11), e.g. "05".</summary>
    public string? CodeNumber { get; init; }

    /// <summary>Ký hiệu của văn bản (30), e.g. "QĐ-UBND" or, for legal documents, "2019/QĐ-UBND".</summary>
    public string? CodeNotation { get; init; }

    public DateOnly? IssuedDate { get; init; }

    /// <summary>Tên cơ quan, tổ chức ban hành văn bản (200).</summary>
    public required string OrganName { get; init; }

    /// <summary>Trích yếu nội dung (500).</summary>
    public string? Subject { get; init; }

    public LanguageCode? Language { get; init; }

    public int? PageAmount { get; init; }

    public string? Description { get; init; }

    public string? InforSign { get; init; }

    public string? Keyword { get; init; }

    /// <summary>Chế độ sử dụng.</summary>
    public required AccessMode Mode { get; init; }

    public ConfidenceLevel? ConfidenceLevel { get; init; }

    public required DocumentOrigin Origin { get; init; }

    /// <summary>Bút tích (2000).</summary>
    public string? Autograph { get; init; }

    /// <summary>Tình trạng vật lý (50).</summary>
    public string? Format { get; init; }

    /// <summary>
    /// Số và ký hiệu, derived from <see cref="CodeNumber"/> + "/" + <see cref="CodeNotation"/>;
    /// null when either is missing or they do not form a valid notation (the validator says why).
    /// </summary>
    public DocumentNotation? Notation =>
        !string.IsNullOrWhiteSpace(CodeNumber) && !string.IsNullOrWhiteSpace(CodeNotation)
        && DocumentNotation.TryParse($"{CodeNumber.Trim()}/{CodeNotation.Trim()}", out var notation)
            ? notation
            : null;

    /// <summary>
    /// A new document filed in <paramref name="dossier"/>, with the dossier fields copied from it.
    /// Throws <see cref="DossierLifecycleException"/> when the dossier is not open.
    /// Set the optional fields with a <c>with</c> expression.
    /// </summary>
    public static ArchivedDocument ForDossier(
        Dossier dossier,
        string id,
        string docCode,
        int docOrdinal,
        string typeName,
        string organName,
        AccessMode mode,
        DocumentOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        dossier.EnsureAcceptsDocuments();
        return new ArchivedDocument
        {
            Id = id,
            DocCode = docCode,
            FileCode = dossier.FileCode,
            Identifier = dossier.Identifier,
            OrganId = dossier.OrganId,
            FileCatalog = dossier.FileCatalog,
            FileNotation = dossier.FileNotation,
            DocOrdinal = docOrdinal,
            TypeName = typeName,
            OrganName = organName,
            Mode = mode,
            Origin = origin,
        };
    }
}
