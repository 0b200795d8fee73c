using Archive.Tests.Web.Browser;

namespace Archive.Tests;

/// <summary>What the whole run shares and must stop at its end: the browser of the browser tests, the PostgreSQL cluster.</summary>
/// <remarks>
/// Fixtures run one at a time, except the few marked <see cref="ParallelizableAttribute"/>: the long ones that wait on other
/// processes (OCR, several nodes, killed ingests, a gibibyte of input) and share nothing with each other. NUnit runs them two at
/// a time (the machine's cores), apart from the rest, which keeps the suite well under its 15 minutes.
/// </remarks>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task StopBrowser() => BrowserFixture.StopAsync();

    [OneTimeTearDown]
    public void StopPostgres() => Support.PostgresCluster.StopIfStarted();
}
