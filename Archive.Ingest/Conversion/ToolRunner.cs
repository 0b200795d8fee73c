using System.Diagnostics;
using System.Text;
using Serilog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Runs converters as child processes: under an address-space limit (through <c>prlimit</c>),
/// with a time limit, captured and bounded output, and the whole process tree killed on timeout
/// or cancellation. A hung or crashing converter fails the one document, never the archive.
/// </summary>
public sealed class ToolRunner
{
    /// <summary>Characters kept of each output stream; converters can be very chatty.</summary>
    public const int OutputLimit = 64 * 1024;

    private readonly ILogger _log;

    public ToolRunner(ILogger log) => _log = log.ForContext<ToolRunner>();

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var executable = Require(invocation.Tool, invocation.Executable);

        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (invocation.WorkingDirectory is not null) start.WorkingDirectory = invocation.WorkingDirectory;
        foreach (var (name, value) in invocation.Environment) start.Environment[name] = value;
        if (invocation.MemoryLimitBytes is { } limit)
        {
            // prlimit execs the converter in place, so the limit and the process id are the converter's own.
            start.FileName = Prlimit();
            start.ArgumentList.Add($"--as={limit}");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(executable);
        }
        else
        {
            start.FileName = executable;
        }
        foreach (var argument in invocation.Arguments) start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Found but not runnable (permissions, wrong architecture).
            throw new ConversionException(ConversionFailure.ToolMissing, invocation.Tool,
                $"Không chạy được công cụ chuyển đổi '{invocation.Tool}' ({executable}): {e.Message}", inner: e);
        }
        process.StandardInput.Close();
        _log.Debug("Started {Tool} (pid {Pid}): {Executable} {Arguments}", invocation.Tool, process.Id, executable, invocation.Arguments);

        var stdout = ReadBoundedAsync(process.StandardOutput);
        var stderr = ReadBoundedAsync(process.StandardError);
        using var timeout = new CancellationTokenSource(invocation.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process, invocation.Tool);
            await DrainAsync(stdout, stderr).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                _log.Information("Cancelled {Tool} (pid {Pid})", invocation.Tool, process.Id);
                throw;
            }
            _log.Warning("Killed {Tool} (pid {Pid}) after its time limit of {Timeout}", invocation.Tool, process.Id, invocation.Timeout);
            throw new ConversionException(ConversionFailure.ToolTimedOut, invocation.Tool,
                $"Công cụ chuyển đổi '{invocation.Tool}' chạy quá thời hạn {invocation.Timeout.TotalSeconds:0.#} giây và đã bị dừng.");
        }

        var result = new ToolResult(invocation.Tool, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), stopwatch.Elapsed);
        _log.Debug("{Tool} exited {ExitCode} after {Elapsed}", invocation.Tool, result.ExitCode, result.Elapsed);
        return result;
    }

    private void Kill(Process process, string tool)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Exited on its own meanwhile.
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            _log.Warning(e, "Could not kill {Tool} (pid {Pid})", tool, process.Id);
        }
    }

    private static async Task DrainAsync(Task<string> stdout, Task<string> stderr)
    {
        try
        {
            // A descendant that escaped the kill (its own session) may hold the pipes open: do not wait for it.
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The pipes of a killed process may break; the output is not needed then.
        }
    }

    /// <summary>Reads a stream to its end, keeping only the first <see cref="OutputLimit"/> characters.</summary>
    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        var dropped = 0L;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = Math.Min(read, OutputLimit - kept.Length);
            kept.Append(buffer, 0, room);
            dropped += read - room;
        }
        if (dropped > 0) kept.Append($"\n[… {dropped} characters dropped]");
        return kept.ToString();
    }

    /// <summary>The converter's path; a named <see cref="ConversionFailure.ToolMissing"/> when it is not installed.</summary>
    internal static string Require(string tool, string executable) =>
        Resolve(executable) ?? throw new ConversionException(ConversionFailure.ToolMissing, tool,
            $"Không tìm thấy công cụ chuyển đổi '{tool}' ({executable}); cài các gói trong scripts/debian-packages.txt.");

    /// <summary>prlimit, which puts converters under their memory limit.</summary>
    internal static string Prlimit() =>
        Resolve("prlimit") ?? throw new ConversionException(ConversionFailure.ToolMissing, "prlimit",
            "Không tìm thấy 'prlimit' (gói util-linux) để giới hạn bộ nhớ của công cụ chuyển đổi.");

    /// <summary>The executable's path: as given when absolute, else the first match on PATH; null when missing.</summary>
    internal static string? Resolve(string executable)
    {
        if (Path.IsPathRooted(executable)) return File.Exists(executable) ? executable : null;
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, executable))
            .FirstOrDefault(File.Exists);
    }
}
