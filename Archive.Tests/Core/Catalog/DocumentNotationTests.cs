using System.Text;
using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class DocumentNotationTests
{
    [TestCase("05/QĐ-UBND", "05", null, "QĐ-UBND", "QĐ", "UBND", "Quyết định")]
    [TestCase("123/UBND-VP", "123", null, "UBND-VP", null, "UBND-VP", null)]
    [TestCase("12/2019/QĐ-UBND", "12", 2019, "QĐ-UBND", "QĐ", "UBND", "Quyết định")]
    [TestCase("07/TTr-SKHĐT", "07", null, "TTr-SKHĐT", "TTr", "SKHĐT", "Tờ trình")]
    [TestCase("45/QyĐ-BNV", "45", null, "QyĐ-BNV", "QyĐ", "BNV", "Quy định")]
    [TestCase("10/ĐA-UBND", "10", null, "ĐA-UBND", "ĐA", "UBND", "Đề án")]
    [TestCase("10/DA-BQL", "10", null, "DA-BQL", "DA", "BQL", "Dự án")]
    [TestCase("99/NQ-HĐND", "99", null, "NQ-HĐND", "NQ", "HĐND", "Nghị quyết")]
    [TestCase("01/SY-VP", "01", null, "SY-VP", "SY", "VP", "Bản sao y")]
    [TestCase("12345678901/BC-UBND", "12345678901", null, "BC-UBND", "BC", "UBND", "Báo cáo")]
    public void Parse_splits_number_year_type_and_issuer(
        string input, string number, int? year, string notation, string? type, string issuer, string? typeName)
    {
        var n = DocumentNotation.Parse(input);
        Assert.Multiple(() =>
        {
            Assert.That(n.Number, Is.EqualTo(number));
            Assert.That(n.Year, Is.EqualTo(year));
            Assert.That(n.Notation, Is.EqualTo(notation));
            Assert.That(n.TypeAbbreviation, Is.EqualTo(type));
            Assert.That(n.IssuerAbbreviation, Is.EqualTo(issuer));
            Assert.That(n.TypeName, Is.EqualTo(typeName));
            Assert.That(n.Value, Is.EqualTo(input));
        });
    }

    [TestCase("5/QĐ-UBND", "Số của văn bản", "05")]
    [TestCase("0/QĐ-UBND", "Số của văn bản", null)]
    [TestCase("/QĐ-UBND", "Số của văn bản", null)]
    [TestCase("A5/QĐ-UBND", "Số của văn bản", null)]
    [TestCase("123456789012/QĐ-UBND", "Số của văn bản", null)]
    [TestCase("05QĐ-UBND", "Ký hiệu của văn bản", null)]
    [TestCase("05/", "Ký hiệu của văn bản", null)]
    [TestCase("05/QĐ UBND", "Ký hiệu của văn bản", null)]
    [TestCase("05/QĐ--UBND", "Ký hiệu của văn bản", null)]
    [TestCase("05/-UBND", "Ký hiệu của văn bản", null)]
    [TestCase("05/1800/QĐ-UBND", "Ký hiệu của văn bản", null)]
    [TestCase("05/QĐ-UBNDABCDEFGHIJKLMNOPQRSTUVWXYZ", "Ký hiệu của văn bản", null)]
    [TestCase("", "Số của văn bản", null)]
    public void Parse_rejects_bad_notations_naming_the_field(string input, string fieldName, string? hint)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => DocumentNotation.Parse(input));
        Assert.That(ex!.Message, Does.StartWith(fieldName + ":"));
        if (hint is not null)
            Assert.That(ex.Message, Does.Contain(hint));
        Assert.That(DocumentNotation.TryParse(input, out _), Is.False);
    }

    [Test]
    public void Nfd_input_is_normalised_to_nfc()
    {
        // "QĐ-SGDĐT" has no decomposable letter (Đ is its own letter), so use an issuer with one.
        var nfd = "05/QĐ-ỦY".Normalize(NormalizationForm.FormD);
        Assert.That(nfd, Is.Not.EqualTo("05/QĐ-ỦY"), "precondition: the input really is decomposed");

        var n = DocumentNotation.Parse(nfd);

        Assert.That(n.Value, Is.EqualTo("05/QĐ-ỦY"));
        Assert.That(n.TypeAbbreviation, Is.EqualTo("QĐ"));
        Assert.That(n, Is.EqualTo(DocumentNotation.Parse("05/QĐ-ỦY")));
    }

    [Test]
    public void Type_abbreviation_lookup_is_case_sensitive_and_distinguishes_D_from_Đ()
    {
        Assert.That(DocumentNotation.Parse("05/QD-UBND").TypeAbbreviation, Is.Null, "QD is not QĐ");
        Assert.That(DocumentNotation.Parse("05/qđ-UBND").TypeAbbreviation, Is.Null);
        Assert.That(DocumentNotation.Parse("05/CTr-UBND").TypeAbbreviation, Is.EqualTo("CTr"));
    }
}
