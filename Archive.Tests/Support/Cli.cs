using Archive.Web.Cli;

namespace Archive.Tests.Support;

/// <summary>The outcome of one `archive` invocation.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Runs `archive` commands in process (fast) or as a child process (for crash tests and the server).</summary>
public static class Cli
{
    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>In process, with <paramref name="stdin"/> as standard input (passwords).</summary>
    public static async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await ArchiveCommandLine.RunAsync(args, stdout, stderr, TimeProvider.System, CancellationToken.None, input,
            CatalogEngines.SettingsFor(args));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The built `archive` executable beside the tests, run with `dotnet archive.dll`.</summary>
    /// <param name="wrapper">A command to run it under, e.g. ["ip", "netns", "exec", "ns1"] or ["strace", …].</param>
    public static System.Diagnostics.ProcessStartInfo ChildProcess(IEnumerable<string> args, IDictionary<string, string>? environment = null,
        IReadOnlyList<string>? wrapper = null)
    {
        var info = new System.Diagnostics.ProcessStartInfo(wrapper is { Count: > 0 } ? wrapper[0] : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (wrapper is { Count: > 0 })
        {
            foreach (var part in wrapper.Skip(1)) info.ArgumentList.Add(part);
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "archive.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var arguments = args.ToList();
        foreach (var (key, value) in CatalogEngines.EnvironmentFor(arguments)) info.Environment[key] = value;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return info;
    }

    /// <param name="stdin">Written to its standard input, then closed (passwords); none when null.</param>
    public static async Task<CliResult> RunChildAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null,
        IReadOnlyList<string>? wrapper = null, string? stdin = null)
    {
        var info = ChildProcess(args, environment, wrapper);
        info.RedirectStandardInput = stdin is not null;
        using var process = System.Diagnostics.Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
