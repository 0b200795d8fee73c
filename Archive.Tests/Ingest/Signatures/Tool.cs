using System.Diagnostics;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>Runs an external tool the tests rely on; a missing tool fails the test loudly, never skips it.</summary>
public static class Tool
{
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, bool check = true, string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The tool '{program}' is missing: install the packages in scripts/debian-packages.txt (scripts/ensure-debian-packages.sh).", e);
        }
        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var output = stdout + stderr.Result;
            if (check && process.ExitCode != 0)
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
            return (process.ExitCode, output);
        }
    }

    public static void Require(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));
        if (!found)
            Assert.Fail($"The tool '{program}' is missing: install the packages in scripts/debian-packages.txt (scripts/ensure-debian-packages.sh).");
    }
}
