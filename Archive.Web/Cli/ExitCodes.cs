namespace Archive.Web.Cli;

/// <summary>The exit codes every `archive` command keeps to (DESIGN.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int UsageOrInput = 64;
    /// <summary>The data folder is in use by another process (EX_TEMPFAIL): try again once it stops.</summary>
    public const int Busy = 75;
    /// <summary>The acting user may not do this (EX_NOPERM), or the account named by --as is unknown or disabled.</summary>
    public const int NoPermission = 77;
}
