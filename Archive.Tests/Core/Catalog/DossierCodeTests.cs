using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class DossierCodeTests
{
    [TestCase("000.00.00.H42.2019.01.TH", "000.00.00.H42", 2019, "01.TH")]
    [TestCase("000.00.00.h42.2019.01", "000.00.00.H42", 2019, "01")]
    [TestCase("000.00.04.G14.1999.12-VP", "000.00.04.G14", 1999, "12-VP")]
    [TestCase("H42.2021.05.KH", "H42", 2021, "05.KH")]
    [TestCase("000.00.00.H42.2019.2020.TH", "000.00.00.H42", 2019, "2020.TH")]
    public void Parse_splits_organ_year_and_notation(string input, string organ, int year, string notation)
    {
        var code = DossierCode.Parse(input);
        Assert.Multiple(() =>
        {
            Assert.That(code.Organ.Value, Is.EqualTo(organ));
            Assert.That(code.Year, Is.EqualTo(year));
            Assert.That(code.FileNotation, Is.EqualTo(notation));
            Assert.That(code.Value, Is.EqualTo($"{organ}.{year}.{notation}"));
        });
    }

    [TestCase("")]
    [TestCase("000.00.00.H42")]
    [TestCase("000.00.00.H42.2019")]
    [TestCase("000.00.00.H42.2019.")]
    [TestCase("000.00.00.H42.19.01.TH")]
    [TestCase("000.00.00.H42.1800.01.TH")]
    [TestCase("000.00.00.H42.2019.01/TH")]
    [TestCase("000.00.00.H42.2019.01..TH")]
    [TestCase("000.00.00.H42.2019.01.TH.123456")]
    public void Parse_rejects_malformed_codes_naming_ma_ho_so(string input)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => DossierCode.Parse(input));
        Assert.That(ex!.Errors[0].Field, Is.SameAs(Tt02Fields.Dossier.FileCode));
        Assert.That(ex.Message, Does.StartWith("Mã hồ sơ:"));
        Assert.That(DossierCode.TryParse(input, out _), Is.False);
    }

    [Test]
    public void Too_long_code_reports_length_and_maximum()
    {
        // 13 + 1 + 4 + 1 + 15 = 34 characters
        var ex = Assert.Throws<CatalogValidationException>(() => DossierCode.Parse("000.00.00.H42.2019.01.TH.ABCDEFGHI"));
        Assert.That(ex!.Message, Is.EqualTo("Mã hồ sơ: \"000.00.00.H42.2019.01.TH.ABCDEFGHI\" dài 34 ký tự, tối đa 30."));
    }

    [Test]
    public void Compose_builds_the_code_and_round_trips_through_Parse()
    {
        var code = DossierCode.Compose(AgencyCode.Parse("000.00.00.H42"), 2019, "01.TH");
        Assert.That(code.Value, Is.EqualTo("000.00.00.H42.2019.01.TH"));
        Assert.That(DossierCode.Parse(code.Value), Is.EqualTo(code));
    }

    [TestCase(1899, "01.TH", "Mục lục số hoặc năm hình thành hồ sơ")]
    [TestCase(30000, "01.TH", "Mục lục số hoặc năm hình thành hồ sơ")]
    [TestCase(2019, "", "Số và ký hiệu hồ sơ")]
    [TestCase(2019, "01 TH", "Số và ký hiệu hồ sơ")]
    [TestCase(2019, "01.TH.ABCDEFGHIJ", "Mã hồ sơ")]
    public void Compose_rejects_bad_parts_naming_the_part(int year, string notation, string fieldName)
    {
        var ex = Assert.Throws<CatalogValidationException>(() =>
            DossierCode.Compose(AgencyCode.Parse("000.00.00.H42"), year, notation));
        Assert.That(ex!.Message, Does.StartWith(fieldName + ":"));
    }
}
