namespace Archive.Web.Cli;

/// <summary>The exit codes every `archive` command keeps to (DESIGN.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int UsageOrInput = 64;
}
