using Archive.Core.Catalog;
using LiteDB;
using static Archive.Tests.Core.Catalog.CatalogSamples;

namespace Archive.Tests.Core.Catalog;

/// <summary>
/// The entities must round-trip through LiteDB with only value-type conversions registered
/// (Value/Parse), as the storage layer does. A private mapper keeps the global one untouched.
/// </summary>
public class LiteDbMaterialisationTests
{
    private static BsonMapper Mapper()
    {
        var mapper = new BsonMapper();
        Register(mapper, AgencyCode.Parse, c => c.Value);
        Register(mapper, DossierCode.Parse, c => c.Value);
        Register(mapper, DocumentNotation.Parse, c => c.Value);
        Register(mapper, RetentionPeriod.Parse, c => c.Value);
        Register(mapper, AccessMode.Parse, c => c.Value);
        Register(mapper, ConfidenceLevel.Parse, c => c.Value);
        Register(mapper, LanguageCode.Parse, c => c.Value);
        // LiteDB 5 has no DateOnly support of its own.
        mapper.RegisterType<DateOnly>(d => d.ToString("yyyy-MM-dd"), b => DateOnly.Parse(b.AsString));
        return mapper;
    }

    private static void Register<T>(BsonMapper mapper, Func<string, T> parse, Func<T, string> value) =>
        mapper.RegisterType(v => new BsonValue(value(v)), b => parse(b.AsString));

    private static T RoundTrip<T>(T entity, Action<ILiteCollection<T>>? index = null)
    {
        using var db = new LiteDatabase(new MemoryStream(), Mapper());
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
        var dossier = Dossier().Close([Document()], Now).Reopen("Bổ sung").Close([Document()], Now);
        var loaded = RoundTrip(dossier);
        Assert.That(loaded, Is.EqualTo(dossier));
        Assert.That(loaded.StartDate, Is.EqualTo(new DateOnly(2019, 3, 1)));
    }

    [Test]
    public void Fonds_and_agency_round_trip()
    {
        Assert.That(RoundTrip(Fonds()), Is.EqualTo(Fonds()));
        Assert.That(RoundTrip(Agency() with { ParentCode = "000.00.00.H40" }), Is.EqualTo(Agency() with { ParentCode = "000.00.00.H40" }));
    }
}
