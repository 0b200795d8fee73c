using System.Security.Cryptography;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Tests.Support;

/// <summary>An initialised data folder with a store opened on it.</summary>
public sealed class TestArchive : IDisposable
{
    public static readonly Actor Tester = Actor.Operator("tester", "unit-test");
    private readonly TempFolder _folder = new("archive-data");

    public TestArchive(CatalogEngine engine = CatalogEngine.LiteDb)
    {
        Folder = new DataFolder(_folder.Path);
        Catalog = engine.NewCatalog();
        Store = ArchiveStore.Open(Folder, TimeProvider.System, new LoggerConfiguration().CreateLogger(), catalog: Catalog);
    }

    public DataFolder Folder { get; }

    /// <summary>Where the catalog is kept: in the folder, or a database of the run's PostgreSQL cluster.</summary>
    public CatalogLocation Catalog { get; }
    public ArchiveStore Store { get; private set; }

    /// <summary>Closes and reopens the store, as a restart would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = ArchiveStore.Open(Folder, TimeProvider.System, new LoggerConfiguration().CreateLogger(), catalog: Catalog);
    }

    /// <summary>An agency, a dossier and <paramref name="count"/> documents with random content of about
    /// <paramref name="size"/> bytes.</summary>
    public async Task<IReadOnlyList<ArchivedDocument>> FileDocumentsAsync(int count, int size = 4096)
    {
        var catalog = new CatalogService(Store, TimeProvider.System);
        if (catalog.Agencies(Tester).Count == 0)
        {
            catalog.CreateAgency("000.00.00.H42", "Ủy ban nhân dân tỉnh Hà Tĩnh", null, Tester);
            catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", "000.00.00.H42").With("FileCatalog", "2019")
                .With("FileNotation", "01.TH").With("Title", "Hồ sơ thử nghiệm bảo quản").With("Maintenance", "Vĩnh viễn"), Tester);
        }
        var filing = new DocumentFiling(Store, TimeProvider.System);
        var documents = new List<ArchivedDocument>();
        for (var i = 0; i < count; i++)
        {
            var metadata = Tt02Metadata.Empty.With("TypeName", "Công văn").With("OrganName", "Sở Nội vụ tỉnh Hà Tĩnh")
                .With("Subject", $"Văn bản thử số {i}");
            using var content = new MemoryStream(RandomNumberGenerator.GetBytes(size + i));
            documents.Add(await filing.FileAsync("000.00.00.H42.2019.01.TH", metadata, content, Tester, CancellationToken.None));
        }
        return documents;
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
