using Archive.Core.Catalog;
using Archive.Core.Disposal;
using Archive.Core.Storage;
using LiteDB;
using static Archive.Tests.Core.Catalog.CatalogSamples;

namespace Archive.Tests.Core.Catalog;

/// <summary>
/// The entities must round-trip through LiteDB with the storage layer's own mapper (value types as their canonical text, lists
/// kept by value), never the global one.
/// </summary>
public class LiteDbMaterialisationTests
{
    private static T RoundTrip<T>(T entity, Action<ILiteCollection<T>>? index = null)
    {
        using var db = new LiteDatabase(new MemoryStream(), CatalogMapping.Create());
        var collection = db.GetCollection<T>("items");
        index?.Invoke(collection);
        collection.Insert(entity);
        return collection.FindAll().Single();
    }

    [Test]
    public void Document_round_trips()
    {
        var original = Document() with { Description = "Ghi chú", Format = "Tốt" };
        var loaded = RoundTrip(original);
        Assert.That(loaded, Is.EqualTo(original));
        Assert.That(loaded.Notation?.Value, Is.EqualTo("05/QĐ-UBND"));
    }

    [Test]
    public void Closed_dossier_round_trips()
    {
        var dossier = Dossier().Close([Document()], Now).Reopen("Bổ sung").Close([Document()], Now)
            .Hold(new LegalHold { Reason = "Thanh tra", PlacedBy = "ltv", PlacedAt = Now });
        var loaded = RoundTrip(dossier);
        Assert.That(loaded, Is.EqualTo(dossier));
        Assert.That(loaded.StartDate, Is.EqualTo(new DateOnly(2019, 3, 1)));
        Assert.That(loaded.Holds.Single().Reason, Is.EqualTo("Thanh tra"));
    }

    [Test]
    public void Fonds_and_agency_round_trip()
    {
        Assert.That(RoundTrip(Fonds()), Is.EqualTo(Fonds()));
        Assert.That(RoundTrip(Agency() with { ParentCode = "000.00.00.H40" }), Is.EqualTo(Agency() with { ParentCode = "000.00.00.H40" }));
    }
}
