using Archive.Core.Catalog;
using static Archive.Tests.Core.Catalog.CatalogSamples;

namespace Archive.Tests.Core.Catalog;

public class DocumentValidationTests
{
    private static TestCaseData Case(string name, Func<ArchivedDocument, ArchivedDocument> change, string field, string fragment) =>
        new TestCaseData(change, field, fragment).SetName($"Document invalid: {name}");

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return Case("id blank", d => d with { Id = " " }, "Mã văn bản trong kho lưu trữ", "bắt buộc");
        yield return Case("doc code blank", d => d with { DocCode = "" }, "Mã định danh văn bản", "bắt buộc");
        yield return Case("doc code 26", d => d with { DocCode = new string('A', 26) }, "Mã định danh văn bản", "dài 26 ký tự, tối đa 25");
        yield return Case("type name blank", d => d with { TypeName = "" }, "Tên loại văn bản", "bắt buộc");
        yield return Case("type name 101", d => d with { TypeName = new string('Q', 101) }, "Tên loại văn bản", "tối đa 100");
        yield return Case("organ name blank", d => d with { OrganName = "  " }, "Tên cơ quan, tổ chức ban hành văn bản", "bắt buộc");
        yield return Case("organ name 201", d => d with { OrganName = new string('Ủ', 201) }, "Tên cơ quan, tổ chức ban hành văn bản", "tối đa 200");
        yield return Case("mode missing", d => d with { Mode = null! }, "Chế độ sử dụng", "bắt buộc");
        yield return Case("origin unset", d => d with { Origin = default }, "Nguồn gốc tài liệu", "bắt buộc");
        yield return Case("file code missing", d => d with { FileCode = null! }, "Mã hồ sơ", "bắt buộc");
        yield return Case("organ id missing", d => d with { OrganId = null! }, "Mã phông/công trình/sưu tập lưu trữ", "bắt buộc");
        yield return Case("numbered without date", d => d with { IssuedDate = null }, "Ngày, tháng, năm văn bản", "văn bản có số");
        yield return Case("numbered without subject", d => d with { Subject = " " }, "Trích yếu nội dung", "văn bản có số");
        yield return Case("numbered without notation", d => d with { CodeNotation = null }, "Ký hiệu của văn bản", "văn bản có số");
        yield return Case("numbered without pages", d => d with { PageAmount = null }, "Số lượng trang của văn bản", "văn bản có số");
        yield return Case("numbered without language", d => d with { Language = null }, "Ngôn ngữ", "văn bản có số");
        yield return Case("notation without number", d => d with { CodeNumber = null }, "Số của văn bản", "bắt buộc khi đã có ký hiệu");
        yield return Case("single-digit number", d => d with { CodeNumber = "5" }, "Số của văn bản", "\"05\"");
        yield return Case("number not digits", d => d with { CodeNumber = "5a" }, "Số của văn bản", "chữ số");
        yield return Case("number 12", d => d with { CodeNumber = "123456789012" }, "Số của văn bản", "tối đa 11");
        yield return Case("notation with space", d => d with { CodeNotation = "QĐ UBND" }, "Ký hiệu của văn bản", "khoảng trắng");
        yield return Case("notation 31", d => d with { CodeNotation = "QĐ-" + new string('U', 28) }, "Ký hiệu của văn bản", "tối đa 30");
        yield return Case("issued tomorrow", d => d with { IssuedDate = Today.AddDays(1) }, "Ngày, tháng, năm văn bản", "16/06/2024 ở tương lai");
        yield return Case("year 1899", d => d with { FileCatalog = 1899 }, "Mục lục số hoặc năm hình thành hồ sơ", "năm 1899");
        yield return Case("year next year", d => d with { FileCatalog = 2025 }, "Mục lục số hoặc năm hình thành hồ sơ", "từ 1900 đến 2024");
        yield return Case("ordinal 0", d => d with { DocOrdinal = 0 }, "Số thứ tự văn bản trong hồ sơ", "từ 1 đến 9999");
        yield return Case("ordinal 10000", d => d with { DocOrdinal = 10000 }, "Số thứ tự văn bản trong hồ sơ", "10000");
        yield return Case("pages 0", d => d with { PageAmount = 0 }, "Số lượng trang của văn bản", "từ 1 đến 9999");
        yield return Case("pages negative", d => d with { PageAmount = -3 }, "Số lượng trang của văn bản", "-3");
        yield return Case("file notation differs", d => d with { FileNotation = "02.TH" }, "Mã hồ sơ", "000.00.00.H42.2019.02.TH");
        yield return Case("organ differs", d => d with { OrganId = AgencyCode.Parse("000.00.04.G14") }, "Mã hồ sơ", "không khớp");
        yield return Case("year differs", d => d with { FileCatalog = 2020 }, "Mã hồ sơ", "không khớp");
        yield return Case("organ id 14 chars", d => d with { OrganId = AgencyCode.Parse("000.00.00.H421") }, "Mã phông/công trình/sưu tập lưu trữ", "tối đa 13");
        yield return Case("file notation blank", d => d with { FileNotation = "" }, "Số và ký hiệu hồ sơ", "bắt buộc");
        yield return Case("file notation 21", d => d with { FileNotation = new string('1', 21) }, "Số và ký hiệu hồ sơ", "tối đa 20");
        yield return Case("identifier 14", d => d with { Identifier = new string('G', 14) }, "Mã cơ quan lưu trữ lịch sử", "tối đa 13");
        yield return Case("subject 501", d => d with { Subject = new string('x', 501) }, "Trích yếu nội dung", "tối đa 500");
        yield return Case("description 501", d => d with { Description = new string('x', 501) }, "Ghi chú", "tối đa 500");
        yield return Case("infor sign 31", d => d with { InforSign = new string('x', 31) }, "Ký hiệu thông tin", "tối đa 30");
        yield return Case("keyword 101", d => d with { Keyword = new string('x', 101) }, "Từ khóa", "tối đa 100");
        yield return Case("autograph 2001", d => d with { Autograph = new string('x', 2001) }, "Bút tích", "tối đa 2000");
        yield return Case("format 51", d => d with { Format = new string('x', 51) }, "Tình trạng vật lý", "tối đa 50");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Broken_rule_is_reported_naming_the_field(Func<ArchivedDocument, ArchivedDocument> change, string field, string fragment)
    {
        var errors = CatalogValidator.Validate(change(Document()), Today);
        ValidationAssert.HasError(errors, field, fragment);
    }

    private static TestCaseData Valid(string name, Func<ArchivedDocument, ArchivedDocument> change) =>
        new TestCaseData(change).SetName($"Document valid: {name}");

    private static IEnumerable<TestCaseData> ValidCases()
    {
        yield return Valid("sample as is", d => d);
        yield return Valid("unnumbered with only the mandatory fields", d => d with
        {
            CodeNumber = null, CodeNotation = null, IssuedDate = null, Subject = null, PageAmount = null,
            Language = null, ConfidenceLevel = null,
        });
        yield return Valid("issued today", d => d with { IssuedDate = Today });
        yield return Valid("doc code 25", d => d with { DocCode = new string('A', 25) });
        yield return Valid("organ name of 200 decomposed-able letters", d => d with { OrganName = new string('Ủ', 200) });
        yield return Valid("legal notation with year", d => d with { CodeNumber = "12", CodeNotation = "2019/QĐ-UBND" });
        yield return Valid("công văn without type", d => d with { CodeNumber = "123", CodeNotation = "UBND-VP", TypeName = "Công văn" });
        yield return Valid("ordinal 9999 and pages 9999", d => d with { DocOrdinal = 9999, PageAmount = 9999 });
        yield return Valid("notation 30", d => d with { CodeNotation = "QĐ-" + new string('U', 27) });
        yield return Valid("number 11 digits", d => d with { CodeNumber = "12345678901" });
        yield return Valid("digitised copy", d => d with { Origin = DocumentOrigin.Digitised, ConfidenceLevel = ConfidenceLevel.Copy });
    }

    [TestCaseSource(nameof(ValidCases))]
    public void Passing_case_has_no_errors(Func<ArchivedDocument, ArchivedDocument> change) =>
        ValidationAssert.IsValid(CatalogValidator.Validate(change(Document()), Today));

    [Test]
    public void Decomposed_text_is_measured_in_nfc_characters()
    {
        // 200 × "Ủ" is 400 UTF-16 units in NFD but 200 characters for the user.
        var nfd = new string('Ủ', 200).Normalize(System.Text.NormalizationForm.FormD);
        Assert.That(nfd, Has.Length.GreaterThan(200));
        ValidationAssert.IsValid(CatalogValidator.Validate(Document() with { OrganName = nfd }, Today));
    }

    [Test]
    public void Year_of_today_is_a_plausible_file_catalog()
    {
        var dossier = Archive.Core.Catalog.Dossier.Create(Organ, 2024, "01.TH", "Hồ sơ năm nay",
            RetentionPeriod.Permanent, AccessMode.Restricted);
        ValidationAssert.IsValid(CatalogValidator.Validate(Document(dossier) with { IssuedDate = Today }, Today));
    }

    [Test]
    public void EnsureValid_throws_with_every_error()
    {
        var broken = Document() with { DocCode = "", TypeName = "" };
        var ex = Assert.Throws<CatalogValidationException>(() => CatalogValidator.EnsureValid(broken, Today));
        Assert.That(ex!.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { Tt02Fields.Document.DocCode, Tt02Fields.Document.TypeName }));
        Assert.That(ex.Message, Does.Contain("Mã định danh văn bản: ").And.Contain("; Tên loại văn bản: "));
    }

    [Test]
    public void EnsureValid_is_silent_for_a_valid_document() =>
        Assert.DoesNotThrow(() => CatalogValidator.EnsureValid(Document(), Today));

    [Test]
    public void Notation_is_derived_from_number_and_notation()
    {
        var document = Document() with { CodeNumber = "12", CodeNotation = "2019/QĐ-UBND" };
        Assert.That(document.Notation?.Value, Is.EqualTo("12/2019/QĐ-UBND"));
        Assert.That(document.Notation?.TypeAbbreviation, Is.EqualTo("QĐ"));
        Assert.That((document with { CodeNumber = null }).Notation, Is.Null);
        Assert.That((document with { CodeNumber = "5" }).Notation, Is.Null);
    }
}

public class DocumentNumberReportingTests
{
    [Test]
    public void Too_long_notation_is_reported_once()
    {
        var document = CatalogSamples.Document() with { CodeNotation = "QĐ-" + new string('U', 28) };
        var errors = CatalogValidator.Validate(document, CatalogSamples.Today);
        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "Ký hiệu của văn bản: dài 31 ký tự, tối đa 30." }));
    }
}
