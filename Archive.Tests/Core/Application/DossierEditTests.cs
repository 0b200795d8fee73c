using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Application;

/// <summary>Editing a dossier's description: every refusal at once and by field, the revision, and what is never edited.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class DossierEditTests(CatalogEngine engine)
{
    private const string Code = "000.00.00.H42.2019.01.TH";

    [Test]
    public async Task Every_error_is_named_by_its_field_and_nothing_is_changed()
    {
        using var archive = new TestArchive(engine);
        await archive.FileDocumentsAsync(1);
        var catalog = new CatalogService(archive.Store, TimeProvider.System);
        var before = catalog.Dossier(Code, TestArchive.Tester).Dossier;

        var metadata = Tt02Metadata.Empty.With("Maintenance", "mãi mãi").With("FileNotation", "02.TH").With("DocTotal", "9")
            .With("SheetTotal", "nhiều").With("Rights", "Hạn chế");
        var refusal = Assert.Throws<CatalogValidationException>(() =>
            catalog.EditDossier(Code, metadata, DossierRevision.Of(before), TestArchive.Tester))!;

        Assert.That(refusal.Errors.Select(e => e.Field.Tag), Is.EquivalentTo(new[]
        {
            "Title", "Maintenance", "FileNotation", "DocTotal", "SheetTotal", "Rights",
        }));
        Assert.That(refusal.Errors.Single(e => e.Field.Tag == "Rights").Detail, Does.Contain("kho cách ly"));
        Assert.That(catalog.Dossier(Code, TestArchive.Tester).Dossier, Is.EqualTo(before));
    }

    [Test]
    public async Task An_edit_gives_a_new_revision_and_an_edit_from_the_old_one_is_refused()
    {
        using var archive = new TestArchive(engine);
        await archive.FileDocumentsAsync(1);
        var catalog = new CatalogService(archive.Store, TimeProvider.System);
        var (_, revision) = catalog.DossierToEdit(Code, TestArchive.Tester);

        var edited = catalog.EditDossier(Code, Tt02Metadata.Empty.With("Title", "Tiêu đề mới").With("Maintenance", "70 năm")
            .With("SheetTotal", "12").With("Keyword", "quy chế"), revision, TestArchive.Tester);
        Assert.That((edited.Title, edited.Maintenance.Value, edited.SheetTotal, edited.Keyword),
            Is.EqualTo(("Tiêu đề mới", "70 năm", 12, "quy chế")));
        Assert.That(DossierRevision.Of(edited), Is.Not.EqualTo(revision));
        Assert.That(DossierRevision.Of(catalog.Dossier(Code, TestArchive.Tester).Dossier), Is.EqualTo(DossierRevision.Of(edited)),
            "the revision read back is the one returned");

        Assert.Throws<StaleRevisionException>(() => catalog.EditDossier(Code,
            Tt02Metadata.Empty.With("Title", "Ghi đè").With("Maintenance", "70 năm"), revision, TestArchive.Tester));
        Assert.That(catalog.Dossier(Code, TestArchive.Tester).Dossier.Title, Is.EqualTo("Tiêu đề mới"));

        // A field left out is cleared: the form sends the whole description.
        var cleared = catalog.EditDossier(Code, Tt02Metadata.Empty.With("Title", "Tiêu đề mới").With("Maintenance", "70 năm"),
            DossierRevision.Of(edited), TestArchive.Tester);
        Assert.That((cleared.Keyword, cleared.SheetTotal), Is.EqualTo(((string?)null, 0)));
    }

    [TestCase("\"0123456789abcdef\"", "0123456789abcdef")]
    [TestCase("W/\"0123456789abcdef\"", "0123456789abcdef")]
    [TestCase("0123456789abcdef", "0123456789abcdef")]
    public void A_revision_is_read_from_an_entity_tag(string text, string expected) =>
        Assert.That(DossierRevision.Parse(text).Value, Is.EqualTo(expected));

    [TestCase("*")]
    [TestCase("\"0123\"")]
    [TestCase("\"0123456789ABCDEF\"")]
    public void Anything_else_is_not_a_revision(string text) =>
        Assert.Throws<MetadataFormatException>(() => DossierRevision.Parse(text));
}
