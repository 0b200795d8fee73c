using System.Text;
using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class Tt02FieldsTests
{
    [Test]
    public void Document_has_the_22_fields_of_TT02_in_order()
    {
        Assert.That(Tt02Fields.Document.All.Select(f => f.Tag), Is.EqualTo(new[]
        {
            "DocCode", "FileCode", "Identifier", "OrganId", "FileCatalog", "FileNotation", "DocOrdinal",
            "TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject", "Language",
            "PageAmount", "Description", "InforSign", "Keyword", "Mode", "ConfidenceLevel", "Autograph", "Format",
        }));
    }

    [Test]
    public void Dossier_and_fonds_tables_have_their_TT02_fields()
    {
        Assert.That(Tt02Fields.Dossier.All, Has.Count.EqualTo(19));
        Assert.That(Tt02Fields.Fonds.All, Has.Count.EqualTo(13));
    }

    [TestCase("DocCode", "Mã định danh văn bản", 25)]
    [TestCase("FileCode", "Mã hồ sơ", 30)]
    [TestCase("CodeNumber", "Số của văn bản", 11)]
    [TestCase("CodeNotation", "Ký hiệu của văn bản", 30)]
    [TestCase("Subject", "Trích yếu nội dung", 500)]
    [TestCase("Autograph", "Bút tích", 2000)]
    public void Document_field_names_and_lengths(string tag, string name, int maxLength)
    {
        var field = Tt02Fields.Document.All.Single(f => f.Tag == tag);
        Assert.That(field.VietnameseName, Is.EqualTo(name));
        Assert.That(field.MaxLength, Is.EqualTo(maxLength));
    }

    [Test]
    public void Tags_are_unique_within_each_record_and_names_are_nfc()
    {
        foreach (var table in new[] { Tt02Fields.Document.All, Tt02Fields.Dossier.All, Tt02Fields.Fonds.All, Tt02Fields.Agency.All })
        {
            Assert.That(table.Select(f => f.Tag), Is.Unique);
            foreach (var field in table)
                Assert.That(field.VietnameseName.IsNormalized(NormalizationForm.FormC), field.Tag);
        }
    }
}
