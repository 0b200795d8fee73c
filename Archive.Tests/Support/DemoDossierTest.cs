namespace Archive.Tests.Support;

/// <summary>Base of tests that each start from a fresh data folder holding one open dossier, its catalog in the engine given.</summary>
public abstract class DemoDossierTest(CatalogEngine engine = CatalogEngine.LiteDb)
{
    protected TempFolder Data { get; private set; } = null!;

    /// <summary>The engine of this fixture's catalogs, for more data folders of its own.</summary>
    protected CatalogEngine Engine => engine;

    /// <summary>Where the data folder's catalog is: give it to a store opened on the folder.</summary>
    protected Archive.Core.Storage.CatalogLocation Catalog => CatalogEngines.CatalogOf(Data.Path);

    [SetUp]
    public async Task CreateDemoDossier()
    {
        Data = new TempFolder("archive-data");
        engine.Attach(Data.Path);
        await DemoDossier.CreateAsync(Data.Path);
    }

    [TearDown]
    public void DeleteDataFolder() => Data.Dispose();
}
