using Archive.Tests.Web.Browser;

namespace Archive.Tests;

/// <summary>What the whole run shares and must stop at its end: the browser of the browser tests, the PostgreSQL cluster.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task StopBrowser() => BrowserFixture.StopAsync();

    [OneTimeTearDown]
    public void StopPostgres() => Support.PostgresCluster.StopIfStarted();
}
