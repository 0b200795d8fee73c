namespace Archive.Tests.Support;

/// <summary>Base of tests that each start from a fresh data folder holding one open dossier.</summary>
public abstract class DemoDossierTest
{
    protected TempFolder Data { get; private set; } = null!;

    [SetUp]
    public async Task CreateDemoDossier()
    {
        Data = new TempFolder("archive-data");
        await DemoDossier.CreateAsync(Data.Path);
    }

    [TearDown]
    public void DeleteDataFolder() => Data.Dispose();
}
