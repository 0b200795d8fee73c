using System.Diagnostics;
using System.Globalization;
using System.Text;
using Serilog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// One long-lived Ghostscript process that converts one document after another, each job a line
/// of PostScript on its standard input. Starting Ghostscript costs more than converting a short
/// document (about 50 of 75 ms here), so a worker per core is what makes ingest outrun bare
/// Ghostscript. Each job gets a fresh pdfwrite device (<c>copydevice</c>): reusing one device, or
/// switching OutputFile, crashes Ghostscript 10.0 after a few PDF/A files. The process runs under
/// -dSAFER, reading and writing only below its work root, under an address-space limit; a job that
/// hangs or crashes kills the worker and fails that job alone.
/// </summary>
internal sealed class GhostscriptWorker : IDisposable
{
    private const string Done = "ARCHIVE-JOB-DONE ";
    private const string Failed = "ARCHIVE-JOB-FAILED ";
    private const int MessageLimit = 16 * 1024;

    private readonly Process _process;
    private readonly ILogger _log;
    private readonly StringBuilder _messages = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<string?>? _pending;
    private string? _pendingId;
    private int _nextJob;

    private readonly string _idleOutput;

    private GhostscriptWorker(Process process, string idleOutput, ILogger log)
    {
        _process = process;
        _idleOutput = idleOutput;
        _log = log;
    }

    /// <summary>Most jobs one process may run: each job's device is kept in an array of this size.</summary>
    public const int MaxJobs = 200;

    /// <summary>Jobs this process has run; the pool retires old workers.</summary>
    public int Jobs { get; private set; }

    public bool IsAlive
    {
        get
        {
            try
            {
                return !_process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    public static GhostscriptWorker Start(ConversionOptions options, string root, ILogger log)
    {
        var executable = ToolRunner.Require(GhostscriptPdfA.Tool, options.Ghostscript);
        var prlimit = ToolRunner.Prlimit();
        var idle = Path.Combine(root, $"gs-idle-{Guid.NewGuid():N}.pdf");
        var start = new ProcessStartInfo(prlimit)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = root,
        };
        // No core file: Ghostscript 10.0 crashes on exit after copydevice, and workers are killed, never asked to quit.
        foreach (var argument in new[]
                 {
                     $"--as={options.MemoryLimitBytes}", "--core=0", "--", executable,
                     "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                     $"--permit-file-read={root}{Path.DirectorySeparatorChar}", $"--permit-file-write={root}{Path.DirectorySeparatorChar}",
                     $"--permit-file-read={GhostscriptPdfA.SrgbProfile}",
                     "-dPDFA=2", "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB",
                     // The idle device is a pdfwrite too: starting from the null device crashes at the second job.
                     "-sDEVICE=pdfwrite", $"-sOutputFile={idle}",
                     "-",
                 })
            start.ArgumentList.Add(argument);

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ConversionException(ConversionFailure.ToolMissing, GhostscriptPdfA.Tool,
                $"Không chạy được công cụ chuyển đổi '{GhostscriptPdfA.Tool}' ({executable}): {e.Message}", inner: e);
        }
        var worker = new GhostscriptWorker(process, idle, log.ForContext<GhostscriptWorker>());
        worker.Listen();
        try
        {
            // Each job's device is kept referenced: Ghostscript 10.0 crashes when it collects a used pdfwrite device.
            process.StandardInput.WriteLine($"/ArchiveDevices {MaxJobs} array def");
        }
        catch (IOException)
        {
            // Already gone: the first job reports how it ended.
        }
        log.Debug("Started a Ghostscript worker (pid {Pid}) in {Root}", process.Id, root);
        return worker;
    }

    /// <summary>
    /// Runs <paramref name="body"/> (PostScript that writes one output) and returns what Ghostscript said meanwhile.
    /// Throws <see cref="ConversionException"/> when the job fails, times out or the process dies; the worker is then dead.
    /// </summary>
    public async Task<string> RunAsync(string body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = (++_nextJob).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending = completion;
            _pendingId = id;
            _messages.Clear();
        }
        Jobs++;
        // On an error the device is closed and both stacks are cleared, so the next job starts clean.
        var line = $"/ArchiveJob {Jobs - 1} def {{ {body} }} stopped {{ nulldevice clear cleardictstack ({Failed}{id} ) print $error /errorname get = }} {{ ({Done}{id}\\n) print }} ifelse flush";
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Kill();
            throw Died(e.Message);
        }

        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        string? error;
        try
        {
            error = await completion.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            if (cancellationToken.IsCancellationRequested) throw;
            _log.Warning("Killed the Ghostscript worker (pid {Pid}) after the time limit of {Timeout}", _process.Id, timeout);
            throw new ConversionException(ConversionFailure.ToolTimedOut, GhostscriptPdfA.Tool,
                $"Công cụ chuyển đổi '{GhostscriptPdfA.Tool}' chạy quá thời hạn {timeout.TotalSeconds:0.#} giây và đã bị dừng.");
        }
        var said = Messages();
        if (error is null) return said;
        throw new ConversionException(ConversionFailure.ToolFailed, GhostscriptPdfA.Tool,
            $"Ghostscript không chuyển đổi được tệp (lỗi PostScript {error}). {ToolResult.LastLines(said)}".TrimEnd());
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        File.Delete(_idleOutput);
    }

    private void Listen()
    {
        _ = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(Done, StringComparison.Ordinal)) Complete(line[Done.Length..].Trim(), null);
                else if (line.StartsWith(Failed, StringComparison.Ordinal) && line[Failed.Length..].Split(' ', 2) is var parts)
                    Complete(parts[0], parts.Length > 1 ? parts[1].Trim() : "unknown");
                else Note(line);
            }
            // Standard output closed: the process has ended; a job still waiting fails.
            await _process.WaitForExitAsync().ConfigureAwait(false);
            TaskCompletionSource<string?>? orphan;
            lock (_gate)
            {
                orphan = _pending;
                _pending = null;
            }
            orphan?.TrySetException(Died($"mã thoát {_process.ExitCode}"));
        });
        _ = Task.Run(async () =>
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line) Note(line);
        });
    }

    private void Complete(string id, string? error)
    {
        TaskCompletionSource<string?>? done = null;
        lock (_gate)
        {
            if (_pendingId == id)
            {
                done = _pending;
                _pending = null;
            }
        }
        done?.TrySetResult(error);
    }

    private void Note(string line)
    {
        lock (_gate)
        {
            if (_messages.Length < MessageLimit) _messages.AppendLine(line);
        }
    }

    private string Messages()
    {
        lock (_gate) return _messages.ToString();
    }

    private ConversionException Died(string how) =>
        new(ConversionFailure.ToolFailed, GhostscriptPdfA.Tool,
            $"Công cụ chuyển đổi '{GhostscriptPdfA.Tool}' dừng bất thường ({how}). {ToolResult.LastLines(Messages())}".TrimEnd());

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            _log.Warning(e, "Could not kill the Ghostscript worker");
        }
    }
}
