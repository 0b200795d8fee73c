using System.Text;
using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class DocumentTypeAbbreviationsTests
{
    private static readonly string[] Expected =
    [
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr",
        "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL",
    ];

    [Test]
    public void Table_holds_exactly_the_abbreviations_of_TT02()
    {
        Assert.That(DocumentTypeAbbreviations.All.Keys, Is.EquivalentTo(Expected));
    }

    [TestCase("QĐ", "Quyết định")]
    [TestCase("ĐA", "Đề án")]
    [TestCase("DA", "Dự án")]
    [TestCase("HĐ", "Hợp đồng")]
    [TestCase("HD", "Hướng dẫn")]
    public void TryGetTypeName_returns_the_vietnamese_name(string abbreviation, string name)
    {
        Assert.That(DocumentTypeAbbreviations.TryGetTypeName(abbreviation, out var found), Is.True);
        Assert.That(found, Is.EqualTo(name));
    }

    [Test]
    public void Unknown_abbreviation_is_not_found()
    {
        Assert.That(DocumentTypeAbbreviations.TryGetTypeName("CV", out _), Is.False);
        Assert.That(DocumentTypeAbbreviations.Contains("UBND"), Is.False);
    }

    [Test]
    public void Keys_and_names_are_nfc()
    {
        foreach (var (key, name) in DocumentTypeAbbreviations.All)
        {
            Assert.That(key.IsNormalized(NormalizationForm.FormC), key);
            Assert.That(name.IsNormalized(NormalizationForm.FormC), name);
        }
    }
}
