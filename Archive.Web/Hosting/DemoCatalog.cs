using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using ILogger = Serilog.ILogger;
using Serilog;

namespace Archive.Web.Hosting;

/// <summary>
/// Demo data for a first run: the Hà Tĩnh provincial People's Committee, its fonds and a few dossiers,
/// so that a new user sees a working catalog at once. Runs only on an empty catalog.
/// </summary>
public static class DemoCatalog
{
    public const string AgencyCode = "000.00.00.H42";

    /// <summary>The dossier the demo samples are filed into.</summary>
    public static string SampleDossier(TimeProvider clock) =>
        $"{AgencyCode}.{(clock.GetLocalNow().Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}.01.TH";

    /// <returns>True when the catalog was empty and has been seeded.</returns>
    public static bool SeedIfEmpty(CatalogService catalog, Actor actor, TimeProvider clock, ILogger log)
    {
        if (catalog.Agencies(actor).Count > 0) return false;
        log.Information("Seeding demo catalog for agency {Agency}", AgencyCode);
        catalog.CreateAgency(AgencyCode, "Ủy ban nhân dân tỉnh Hà Tĩnh", null, actor);
        catalog.CreateFonds(Metadata(("OrganId", AgencyCode), ("Identifier", "H42"),
            ("FondName", "Phông lưu trữ Ủy ban nhân dân tỉnh Hà Tĩnh"), ("ArchivesTime", "2019 - nay"), ("Language", "vi")), actor);
        var year = clock.GetLocalNow().Year - 1;
        (string Notation, string Title, string Maintenance, string Rights)[] dossiers =
        [
            ("01.TH", "Hồ sơ ban hành Quy chế tiếp nhận, xử lý, phát hành và quản lý văn bản điện tử", "Vĩnh viễn", "02"),
            ("02.VP", "Tập lưu văn bản đi của Văn phòng", "20 năm", "02"),
            ("03.TCCB", "Hồ sơ hội nghị cán bộ, công chức năm", "10 năm", "02"),
        ];
        foreach (var (notation, title, maintenance, rights) in dossiers)
            catalog.CreateDossier(Metadata(("OrganId", AgencyCode), ("FileCatalog", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("FileNotation", notation), ("Title", title), ("Maintenance", maintenance), ("Rights", rights),
                ("Creator", "Văn thư cơ quan")), actor);
        return true;
    }

    private static Tt02Metadata Metadata(params (string Tag, string Value)[] values) =>
        values.Aggregate(Tt02Metadata.Empty, (m, v) => m.With(v.Tag, v.Value));
}
