// The archive targets Debian; tests use Unix file modes and Linux tools.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// Fixtures run two at a time: most of their time goes waiting on child processes, servers, a browser or PostgreSQL (TestRun).
[assembly: NUnit.Framework.Parallelizable(NUnit.Framework.ParallelScope.Fixtures)]
[assembly: NUnit.Framework.LevelOfParallelism(2)]
