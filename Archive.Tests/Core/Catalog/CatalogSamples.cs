using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

/// <summary>Valid sample records; tests change one field with <c>with</c> to break one rule.</summary>
internal static class CatalogSamples
{
    public static readonly DateOnly Today = new(2024, 6, 15);
    public static readonly DateTimeOffset Now = new(2024, 6, 15, 9, 30, 0, TimeSpan.FromHours(7));
    public static readonly AgencyCode Organ = AgencyCode.Parse("000.00.00.H42");

    public static Dossier Dossier() =>
        Archive.Core.Catalog.Dossier.Create(Organ, 2019, "01.TH", "Hồ sơ về công tác tổng hợp năm 2019",
            RetentionPeriod.FromYears(10), AccessMode.Open, creator: "Nguyễn Văn An");

    public static ArchivedDocument Document(Dossier dossier, int ordinal = 1) =>
        ArchivedDocument.ForDossier(dossier, $"01J0000000000000000000000{ordinal}", $"000.00.00.H42.2019.{ordinal:D6}",
            ordinal, "Quyết định", "Ủy ban nhân dân tỉnh Hà Tĩnh", AccessMode.Open, DocumentOrigin.BornDigital)
        with
        {
            CodeNumber = "05",
            CodeNotation = "QĐ-UBND",
            IssuedDate = new DateOnly(2019, 3, 1),
            Subject = "Về việc thành lập tổ công tác",
            PageAmount = 2,
            Language = LanguageCode.Vietnamese,
            ConfidenceLevel = ConfidenceLevel.Original,
        };

    public static ArchivedDocument Document() => Document(Dossier());

    public static Fonds Fonds() => new()
    {
        Identifier = "G42",
        OrganId = Organ,
        FondName = "Phông Ủy ban nhân dân tỉnh Hà Tĩnh",
        ArchivesTime = "1991–2019",
        PaperTotal = 1200,
        PaperDigital = 300,
        Language = LanguageCode.Vietnamese,
    };

    public static Agency Agency() => new()
    {
        Code = Organ,
        Name = "Ủy ban nhân dân tỉnh Hà Tĩnh",
        ParentCode = null,
        CreatedAt = Now,
    };
}
