using System.Text;
using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class AccessModeTests
{
    [TestCase("01", "01", true)]
    [TestCase("02", "02", false)]
    [TestCase("Hạn chế", "01", true)]
    [TestCase("han che", "01", true)]
    [TestCase("HẠN CHẾ", "01", true)]
    [TestCase("Không hạn chế", "02", false)]
    [TestCase("khong han che", "02", false)]
    [TestCase(" KHÔNG HẠN CHẾ ", "02", false)]
    public void Parse_accepts_code_or_name(string input, string code, bool restricted)
    {
        var mode = AccessMode.Parse(input);
        Assert.That(mode.Code, Is.EqualTo(code));
        Assert.That(mode.Value, Is.EqualTo(code));
        Assert.That(mode.IsRestricted, Is.EqualTo(restricted));
        Assert.That(mode, Is.SameAs(restricted ? AccessMode.Restricted : AccessMode.Open));
    }

    [Test]
    public void Parse_accepts_nfd_name()
    {
        var nfd = "Không hạn chế".Normalize(NormalizationForm.FormD);
        Assert.That(nfd, Is.Not.EqualTo("Không hạn chế"));
        Assert.That(AccessMode.Parse(nfd), Is.SameAs(AccessMode.Open));
    }

    [TestCase("03")]
    [TestCase("1")]
    [TestCase("mật")]
    [TestCase("")]
    [TestCase("không")]
    public void Parse_rejects_other_values_naming_the_field(string input)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => AccessMode.Parse(input));
        Assert.That(ex!.Message, Does.StartWith("Chế độ sử dụng:"));
        Assert.That(ex.Message, Does.Contain("01 (Hạn chế)").And.Contain("02 (Không hạn chế)"));
        Assert.That(AccessMode.TryParse(input, out _), Is.False);
    }

    [Test]
    public void Names_are_the_vietnamese_ones()
    {
        Assert.That(AccessMode.Restricted.Name, Is.EqualTo("Hạn chế"));
        Assert.That(AccessMode.Open.Name, Is.EqualTo("Không hạn chế"));
    }
}

public class ConfidenceLevelTests
{
    [TestCase("01", "01", true)]
    [TestCase("Bản chính", "01", true)]
    [TestCase("ban chinh", "01", true)]
    [TestCase("02", "02", false)]
    [TestCase("Bản sao", "02", false)]
    [TestCase("BAN SAO", "02", false)]
    public void Parse_accepts_code_or_name(string input, string code, bool original)
    {
        var level = ConfidenceLevel.Parse(input);
        Assert.That(level.Code, Is.EqualTo(code));
        Assert.That(level.IsOriginal, Is.EqualTo(original));
        Assert.That(level, Is.SameAs(original ? ConfidenceLevel.Original : ConfidenceLevel.Copy));
    }

    [TestCase("03")]
    [TestCase("bản nháp")]
    [TestCase("")]
    public void Parse_rejects_other_values_naming_the_field(string input)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => ConfidenceLevel.Parse(input));
        Assert.That(ex!.Message, Does.StartWith("Mức độ tin cậy:"));
        Assert.That(ConfidenceLevel.TryParse(input, out _), Is.False);
    }
}

public class LanguageCodeTests
{
    [TestCase("vi", "vi", "Tiếng Việt")]
    [TestCase("VI", "vi", "Tiếng Việt")]
    [TestCase("Tiếng Việt", "vi", "Tiếng Việt")]
    [TestCase("tieng viet", "vi", "Tiếng Việt")]
    [TestCase("Việt", "vi", "Tiếng Việt")]
    [TestCase("Tiếng Anh", "en", "Tiếng Anh")]
    [TestCase("tieng phap", "fr", "Tiếng Pháp")]
    [TestCase("zh", "zh", "Tiếng Trung")]
    [TestCase("Tiếng Nga", "ru", "Tiếng Nga")]
    [TestCase("de", "de", null)]
    [TestCase("Ja", "ja", null)]
    public void Parse_accepts_code_or_vietnamese_name(string input, string code, string? name)
    {
        var language = LanguageCode.Parse(input);
        Assert.That(language.Code, Is.EqualTo(code));
        Assert.That(language.Value, Is.EqualTo(code));
        Assert.That(language.Name, Is.EqualTo(name));
    }

    [Test]
    public void Parse_accepts_nfd_name()
    {
        var nfd = "Tiếng Việt".Normalize(NormalizationForm.FormD);
        Assert.That(nfd, Is.Not.EqualTo("Tiếng Việt"));
        Assert.That(LanguageCode.Parse(nfd), Is.EqualTo(LanguageCode.Vietnamese));
    }

    [TestCase("vie")]
    [TestCase("v1")]
    [TestCase("Tiếng Klingon")]
    [TestCase("")]
    public void Parse_rejects_other_values_naming_the_field(string input)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => LanguageCode.Parse(input));
        Assert.That(ex!.Message, Does.StartWith("Ngôn ngữ:"));
        Assert.That(LanguageCode.TryParse(input, out _), Is.False);
    }

    [Test]
    public void Same_code_is_equal()
    {
        Assert.That(LanguageCode.Parse("de"), Is.EqualTo(LanguageCode.Parse("DE")));
        Assert.That(LanguageCode.Parse("vi"), Is.Not.EqualTo(LanguageCode.Parse("en")));
    }
}

public class DocumentOriginTests
{
    [TestCase(DocumentOrigin.BornDigital, "Gốc điện tử")]
    [TestCase(DocumentOrigin.Digitised, "Số hóa")]
    [TestCase(DocumentOrigin.Mixed, "Hỗn hợp")]
    public void Has_vietnamese_names(DocumentOrigin origin, string name) =>
        Assert.That(origin.VietnameseName(), Is.EqualTo(name));
}
