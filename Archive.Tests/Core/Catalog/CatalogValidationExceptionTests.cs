using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class CatalogValidationExceptionTests
{
    [Test]
    public void Message_joins_all_errors()
    {
        var ex = new CatalogValidationException(new[]
        {
            ValidationError.For(Tt02Fields.Dossier.FileCode, "dài 34 ký tự, tối đa 30."),
            ValidationError.For(Tt02Fields.Dossier.Title, "bắt buộc, không được để trống."),
        });
        Assert.That(ex.Message, Is.EqualTo("Mã hồ sơ: dài 34 ký tự, tối đa 30.; Tiêu đề hồ sơ: bắt buộc, không được để trống."));
        Assert.That(ex.Errors.Select(e => e.Field), Is.EqualTo(new[] { Tt02Fields.Dossier.FileCode, Tt02Fields.Dossier.Title }));
    }

    [Test]
    public void Needs_at_least_one_error() =>
        Assert.Throws<ArgumentException>(() => _ = new CatalogValidationException(Array.Empty<ValidationError>()));
}
