using System.Diagnostics;

namespace Archive.Tests.Support;

/// <summary>`archive serve` as a child process on a free loopback port, killed on dispose; its standard error is kept for failures.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _log;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _log = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public string BaseUrl { get; }

    public static async Task<ServerProcess> StartAsync(string data, IDictionary<string, string>? environment = null)
    {
        var url = $"http://127.0.0.1:{Archive.Tests.Web.ServeTests.FreeLoopbackPort()}";
        var server = new ServerProcess(Process.Start(Cli.ChildProcess(["serve", "--urls", url, "--data", data], environment))!, url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        if (await Archive.Tests.Web.ServeTests.WaitForHealthAsync(http, server._process) is null)
        {
            await server.DisposeAsync();
            Assert.Fail($"The server never answered; its log:\n{await server._log}");
        }
        return server;
    }

    /// <summary>The most memory the server has held so far (VmHWM of /proc): its peak resident set, in KiB.</summary>
    public long PeakResidentKiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stops the server and returns what it wrote to standard error.</summary>
    public async Task<string> StopAndReadLogAsync()
    {
        await DisposeAsync();
        return await _log;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
