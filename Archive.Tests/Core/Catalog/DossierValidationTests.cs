using Archive.Core.Catalog;
using static Archive.Tests.Core.Catalog.CatalogSamples;

namespace Archive.Tests.Core.Catalog;

public class DossierValidationTests
{
    private static TestCaseData Case(string name, Func<Dossier, Dossier> change, string field, string fragment) =>
        new TestCaseData(change, field, fragment).SetName($"Dossier invalid: {name}");

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return Case("file code missing", d => d with { FileCode = null! }, "Mã hồ sơ", "bắt buộc");
        yield return Case("file code other notation", d => d with { FileNotation = "02.TH" }, "Mã hồ sơ", "không khớp");
        yield return Case("file code other year", d => d with { FileCatalog = 2018 }, "Mã hồ sơ", "000.00.00.H42.2018.01.TH");
        yield return Case("file code other organ", d => d with { OrganId = AgencyCode.Parse("000.00.04.G14") }, "Mã hồ sơ", "không khớp");
        yield return Case("organ id too long", d => d with { OrganId = AgencyCode.Parse("000.00.00.H42.01") }, "Mã phông", "tối đa 13");
        yield return Case("identifier 14", d => d with { Identifier = "12345678901234" }, "Mã cơ quan lưu trữ lịch sử", "tối đa 13");
        yield return Case("year 1899", d => d with { FileCatalog = 1899 }, "Mục lục số hoặc năm hình thành hồ sơ", "năm 1899");
        yield return Case("year in future", d => d with { FileCatalog = 2025 }, "Mục lục số hoặc năm hình thành hồ sơ", "năm 2025");
        yield return Case("file notation blank", d => d with { FileNotation = "" }, "Số và ký hiệu hồ sơ", "bắt buộc");
        yield return Case("title blank", d => d with { Title = "" }, "Tiêu đề hồ sơ", "bắt buộc");
        yield return Case("title 1001", d => d with { Title = new string('t', 1001) }, "Tiêu đề hồ sơ", "dài 1001 ký tự, tối đa 1000");
        yield return Case("maintenance missing", d => d with { Maintenance = null! }, "Thời hạn bảo quản", "bắt buộc");
        yield return Case("rights missing", d => d with { Rights = null! }, "Chế độ sử dụng", "bắt buộc");
        yield return Case("language missing", d => d with { Language = null! }, "Ngôn ngữ", "bắt buộc");
        yield return Case("start in future", d => d with { StartDate = Today.AddDays(1) }, "Thời gian bắt đầu", "tương lai");
        yield return Case("end in future", d => d with { EndDate = Today.AddYears(1) }, "Thời gian kết thúc", "tương lai");
        yield return Case("end before start", d => d with { StartDate = new(2019, 5, 1), EndDate = new(2019, 4, 30) },
            "Thời gian kết thúc", "30/04/2019 trước thời gian bắt đầu 01/05/2019");
        yield return Case("doc total negative", d => d with { DocTotal = -1 }, "Tổng số văn bản trong hồ sơ", "-1");
        yield return Case("sheet total negative", d => d with { SheetTotal = -1 }, "Số lượng tờ", "-1");
        yield return Case("page total negative", d => d with { PageTotal = -5 }, "Số lượng trang", "-5");
        yield return Case("description 2001", d => d with { Description = new string('x', 2001) }, "Chú giải", "tối đa 2000");
        yield return Case("infor sign 31", d => d with { InforSign = new string('x', 31) }, "Ký hiệu thông tin", "tối đa 30");
        yield return Case("keyword 101", d => d with { Keyword = new string('x', 101) }, "Từ khóa", "tối đa 100");
        yield return Case("format 51", d => d with { Format = new string('x', 51) }, "Tình trạng vật lý", "tối đa 50");
        yield return Case("creator 31", d => d with { Creator = new string('x', 31) }, "Người lập hồ sơ", "tối đa 30");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Broken_rule_is_reported_naming_the_field(Func<Dossier, Dossier> change, string field, string fragment) =>
        ValidationAssert.HasError(CatalogValidator.Validate(change(Dossier()), Today), field, fragment);

    private static TestCaseData Valid(string name, Func<Dossier, Dossier> change) =>
        new TestCaseData(change).SetName($"Dossier valid: {name}");

    private static IEnumerable<TestCaseData> ValidCases()
    {
        yield return Valid("as created", d => d);
        yield return Valid("same start and end", d => d with { StartDate = new(2019, 1, 1), EndDate = new(2019, 1, 1) });
        yield return Valid("end today", d => d with { StartDate = new(2019, 1, 1), EndDate = Today });
        yield return Valid("title 1000", d => d with { Title = new string('t', 1000) });
        yield return Valid("creator 30", d => d with { Creator = new string('x', 30) });
        yield return Valid("permanent restricted english", d => d with
        {
            Maintenance = RetentionPeriod.Permanent, Rights = AccessMode.Restricted, Language = LanguageCode.English,
        });
        yield return Valid("totals", d => d with { DocTotal = 12, SheetTotal = 40, PageTotal = 80 });
    }

    [TestCaseSource(nameof(ValidCases))]
    public void Passing_case_has_no_errors(Func<Dossier, Dossier> change) =>
        ValidationAssert.IsValid(CatalogValidator.Validate(change(Dossier()), Today));

    [Test]
    public void Create_composes_the_file_code_and_opens_the_dossier()
    {
        var dossier = Dossier();
        Assert.Multiple(() =>
        {
            Assert.That(dossier.FileCode.Value, Is.EqualTo("000.00.00.H42.2019.01.TH"));
            Assert.That(dossier.OrganId, Is.EqualTo(Organ));
            Assert.That(dossier.FileCatalog, Is.EqualTo(2019));
            Assert.That(dossier.FileNotation, Is.EqualTo("01.TH"));
            Assert.That(dossier.Status, Is.EqualTo(DossierStatus.Open));
            Assert.That(dossier.Language, Is.EqualTo(LanguageCode.Vietnamese));
        });
    }

    [Test]
    public void Create_rejects_a_code_longer_than_30()
    {
        var ex = Assert.Throws<CatalogValidationException>(() => Archive.Core.Catalog.Dossier.Create(
            Organ, 2019, "01.TONG-HOP-2019", "x", RetentionPeriod.Permanent, AccessMode.Open));
        Assert.That(ex!.Message, Does.StartWith("Mã hồ sơ: ").And.Contain("tối đa 30"));
    }

    [Test]
    public void EnsureValid_throws_for_an_invalid_dossier() =>
        Assert.Throws<CatalogValidationException>(() => CatalogValidator.EnsureValid(Dossier() with { Title = "" }, Today));
}
