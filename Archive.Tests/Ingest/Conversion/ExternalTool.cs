using System.Diagnostics;
using System.Text;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// Runs the independent tools the tests judge with (qpdf, pdffonts, pdftotext, LibreOffice, …).
/// A missing tool fails the test with the package to install; it never passes silently.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string program, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        if (found is null)
            Assert.Fail($"'{program}' is not installed: install the Debian package {package} (scripts/ensure-debian-packages.sh).");
        return found!;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string package, params string[] arguments)
    {
        var start = new ProcessStartInfo(Require(program, package))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public static async Task<string> SucceedAsync(string program, string package, params string[] arguments)
    {
        var (exit, output, error) = await RunAsync(program, package, arguments);
        Assert.That(exit, Is.Zero, $"{program} {string.Join(' ', arguments)} failed: {error}{output}");
        return output;
    }
}
