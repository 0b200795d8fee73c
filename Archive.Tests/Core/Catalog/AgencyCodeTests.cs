using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class AgencyCodeTests
{
    [TestCase("000.00.00.H42", "000.00.00.H42", true)]
    [TestCase("000.00.04.g14", "000.00.04.G14", true)]
    [TestCase("  000.00.00.H42 ", "000.00.00.H42", true)]
    [TestCase("H42.01.02.03.04.05", "H42.01.02.03.04.05", false)]
    [TestCase("ABC", "ABC", false)]
    [TestCase("0000.0.00.H42", "0000.0.00.H42", false)]
    [TestCase("A2345678901234567890123456789012345", "A2345678901234567890123456789012345", false)]
    public void Parse_accepts_both_forms_and_normalises_to_upper_case(string input, string expected, bool legacy)
    {
        var code = AgencyCode.Parse(input);
        Assert.Multiple(() =>
        {
            Assert.That(code.Value, Is.EqualTo(expected));
            Assert.That(code.ToString(), Is.EqualTo(expected));
            Assert.That(code.IsLegacyForm, Is.EqualTo(legacy));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("000..00.H42")]
    [TestCase(".000.00.00.H42")]
    [TestCase("000.00.00.H42.")]
    [TestCase("000-00-00-H42")]
    [TestCase("000.00.00.Đ42")]
    [TestCase("000 00 00 H42")]
    [TestCase("A23456789012345678901234567890123456")]
    public void Parse_rejects_malformed_codes_naming_the_field(string input)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => AgencyCode.Parse(input));
        Assert.That(ex!.Errors, Has.Count.EqualTo(1));
        Assert.That(ex.Errors[0].Field, Is.SameAs(Tt02Fields.Agency.Code));
        Assert.That(ex.Message, Does.StartWith("Mã định danh cơ quan:"));
        Assert.That(AgencyCode.TryParse(input, out _), Is.False);
    }

    [Test]
    public void TryParse_null_is_false()
    {
        Assert.That(AgencyCode.TryParse(null, out var code), Is.False);
        Assert.That(code, Is.Null);
    }

    [Test]
    public void Equal_codes_are_equal_whatever_the_input_case()
    {
        Assert.That(AgencyCode.Parse("000.00.00.h42"), Is.EqualTo(AgencyCode.Parse("000.00.00.H42")));
        Assert.That(AgencyCode.Parse("000.00.00.H42"), Is.Not.EqualTo(AgencyCode.Parse("000.00.00.H43")));
    }

    [Test]
    public void Too_long_message_gives_length_and_maximum()
    {
        var ex = Assert.Throws<CatalogValidationException>(() => AgencyCode.Parse(new string('A', 36)));
        Assert.That(ex!.Message, Does.Contain("dài 36 ký tự, tối đa 35"));
    }
}
