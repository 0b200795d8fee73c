using Archive.Tests.Web.Browser;

namespace Archive.Tests;

/// <summary>What the whole run shares and must stop at its end: the browser of the browser tests, the PostgreSQL cluster.</summary>
/// <remarks>
/// Fixtures run two at a time (AssemblyInfo): a test mostly waits on a child process, a server, the browser or PostgreSQL, so
/// one at a time left a core idle (a run of the browser tests used 1.0 of 2 cores). Each fixture has its own folders, databases
/// and ports; what the run shares (the browser, the cluster) is started once under a lock. The tests of a fixture run one after
/// another, except where the fixture says otherwise.
/// </remarks>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task StopBrowser() => BrowserFixture.StopAsync();

    [OneTimeTearDown]
    public void StopPostgres() => Support.PostgresCluster.StopIfStarted();
}
