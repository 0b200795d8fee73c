using Archive.Core.Catalog;
using static Archive.Tests.Core.Catalog.CatalogSamples;

namespace Archive.Tests.Core.Catalog;

public class FondsValidationTests
{
    private static TestCaseData Case(string name, Func<Fonds, Fonds> change, string field, string fragment) =>
        new TestCaseData(change, field, fragment).SetName($"Fonds invalid: {name}");

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return Case("identifier 14", f => f with { Identifier = new string('G', 14) }, "Mã cơ quan lưu trữ lịch sử", "tối đa 13");
        yield return Case("organ missing", f => f with { OrganId = null! }, "Mã phông", "bắt buộc");
        yield return Case("organ too long", f => f with { OrganId = AgencyCode.Parse("000.00.00.H42.X") }, "Mã phông", "tối đa 13");
        yield return Case("name blank", f => f with { FondName = "" }, "Tên phông", "bắt buộc");
        yield return Case("name 201", f => f with { FondName = new string('P', 201) }, "Tên phông", "tối đa 200");
        yield return Case("archives time 31", f => f with { ArchivesTime = new string('1', 31) }, "Thời gian tài liệu", "tối đa 30");
        yield return Case("paper total negative", f => f with { PaperTotal = -1 }, "Tổng số tài liệu giấy", "-1");
        yield return Case("paper total 11 digits", f => f with { PaperTotal = 10_000_000_000 }, "Tổng số tài liệu giấy", "9999999999");
        yield return Case("digitised more than total", f => f with { PaperTotal = 10, PaperDigital = 11 }, "Số lượng tài liệu giấy đã số hóa", "lớn hơn");
        yield return Case("key groups 301", f => f with { KeyGroups = new string('k', 301) }, "Các nhóm tài liệu chủ yếu", "tối đa 300");
        yield return Case("other types 301", f => f with { OtherTypes = new string('k', 301) }, "Các loại hình tài liệu khác", "tối đa 300");
        yield return Case("lookup tools 51", f => f with { LookupTools = new string('k', 51) }, "Công cụ tra cứu", "tối đa 50");
        yield return Case("copy number negative", f => f with { CopyNumber = -2 }, "Số lượng trang tài liệu đã lập bản sao bảo hiểm", "-2");
        yield return Case("description 1001", f => f with { Description = new string('k', 1001) }, "Ghi chú", "tối đa 1000");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Broken_rule_is_reported_naming_the_field(Func<Fonds, Fonds> change, string field, string fragment) =>
        ValidationAssert.HasError(CatalogValidator.Validate(change(Fonds()), Today), field, fragment);

    [TestCase(null, null)]
    [TestCase(100L, 100L)]
    [TestCase(9_999_999_999L, 0L)]
    public void Passing_paper_counts(long? total, long? digital) =>
        ValidationAssert.IsValid(CatalogValidator.Validate(Fonds() with { PaperTotal = total, PaperDigital = digital }, Today));

    [Test]
    public void Sample_is_valid() => ValidationAssert.IsValid(CatalogValidator.Validate(Fonds(), Today));
}

public class AgencyValidationTests
{
    [Test]
    public void Sample_is_valid() => ValidationAssert.IsValid(CatalogValidator.Validate(Agency(), Today));

    [TestCase("000.00.00.H40")]
    [TestCase("000.00.00.h40")]
    [TestCase("")]
    public void Valid_parent_codes(string parent) =>
        ValidationAssert.IsValid(CatalogValidator.Validate(Agency() with { ParentCode = parent }, Today));

    [TestCase("000..00.H40", "Mã định danh cơ quan cấp trên", "nhóm rỗng")]
    [TestCase("000.00.00.h42", "Mã định danh cơ quan cấp trên", "trùng")]
    public void Invalid_parent_codes(string parent, string field, string fragment) =>
        ValidationAssert.HasError(CatalogValidator.Validate(Agency() with { ParentCode = parent }, Today), field, fragment);

    [Test]
    public void Name_is_mandatory_and_at_most_200()
    {
        ValidationAssert.HasError(CatalogValidator.Validate(Agency() with { Name = " " }, Today), "Tên cơ quan", "bắt buộc");
        ValidationAssert.HasError(CatalogValidator.Validate(Agency() with { Name = new string('A', 201) }, Today), "Tên cơ quan", "tối đa 200");
        ValidationAssert.IsValid(CatalogValidator.Validate(Agency() with { Name = new string('A', 200) }, Today));
    }

    [Test]
    public void EnsureValid_throws_naming_the_field()
    {
        var ex = Assert.Throws<CatalogValidationException>(() => CatalogValidator.EnsureValid(Agency() with { Name = "" }, Today));
        Assert.That(ex!.Message, Does.StartWith("Tên cơ quan:"));
    }
}
