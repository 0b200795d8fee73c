using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Search;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Search;

/// <summary>Search at the service level: what a user finds follows the grants at the moment of the search, totals and facets included.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SearchAccessTests(CatalogEngine engine)
{
    [Test]
    public async Task A_grant_makes_a_dossiers_documents_findable_at_once_and_a_revoke_hides_them_again()
    {
        using var archive = new TestArchive(engine);
        var filed = await archive.FileDocumentsAsync(3);
        var policy = new AccessPolicy();
        var catalog = new CatalogService(archive.Store, TimeProvider.System, null, policy);
        var accounts = new AccountService(archive.Store, policy, TimeProvider.System);
        accounts.Create(new NewAccount("cvien", "Chuyên viên", "000.00.00.H42", null, ["chuyen-vien"], "Luu-tru-2019-HT"), TestArchive.Tester);
        accounts.Create(new NewAccount("vthu", "Văn thư", "000.00.00.H42", null, ["van-thu"], "Luu-tru-2019-HT"), TestArchive.Tester);
        using var index = new SearchIndex(archive.Store, Logger.None);
        await new ArchiveIndexing(archive.Store, index, Logger.None).AddAsync(filed.Select(d => d.Id).ToList(), CancellationToken.None);
        using var collection = new RestrictedCollection(archive.Store, new AirGapCheck([], TimeProvider.System), Actor.Scheduler(),
            TimeProvider.System, Logger.None);
        using var admission = new SearchAdmission();
        using var restricted = new RestrictedSearch(collection, archive.Store, policy, admission, Logger.None);
        var search = new SearchService(index, catalog, restricted, admission, Logger.None);
        var rights = new RightsService(archive.Store, catalog, accounts, policy, TimeProvider.System);
        var specialist = accounts.ActAs("cvien", "unit-test", NetworkZone.Networked);
        async Task<SearchResults> Find(Actor actor) =>
            await search.SearchAsync(new SearchRequest { Query = "văn bản thử" }, actor, CancellationToken.None);

        Assert.That((await Find(accounts.ActAs("vthu", "unit-test", NetworkZone.Networked))).Total, Is.EqualTo(3), "the agency's records officer");
        var hidden = await Find(specialist);
        Assert.That(hidden.Total, Is.Zero);
        Assert.That(hidden.Facets.SelectMany(f => f.Values), Is.Empty, "not even counted in a facet");

        rights.Grant("000.00.00.H42.2019.01.TH", "cvien", null, "read", TestArchive.Tester);
        Assert.That((await Find(specialist)).Hits.Select(h => h.Id), Is.EquivalentTo(filed.Select(d => d.Id)));

        rights.Revoke("000.00.00.H42.2019.01.TH", "cvien", null, TestArchive.Tester);
        Assert.That((await Find(specialist)).Total, Is.Zero);
    }
}
