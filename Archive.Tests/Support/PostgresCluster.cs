using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Archive.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole run (DESIGN.md 9): Debian's initdb as the <c>postgres</c> user (it refuses
/// root) in a folder of its own, started on a free 127.0.0.1 port with its socket in that folder, stopped and removed when
/// the run ends. Each test takes a database of its own.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _folder;
    private readonly int _port;
    private int _databases;

    private PostgresCluster(string folder, int port)
    {
        _folder = folder;
        _port = port;
    }

    public static PostgresCluster Instance => Shared.Value;

    /// <summary>A new empty database; its connection string.</summary>
    /// <param name="throughSocket">Reached through the cluster's Unix socket instead of 127.0.0.1: for commands run in a network
    /// namespace of their own, whose loopback is not this one.</param>
    public string NewDatabase(bool throughSocket = false)
    {
        var name = $"archive_test_{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }
        return ConnectionString(name, throughSocket);
    }

    private string ConnectionString(string database, bool throughSocket = false) =>
        $"Host={(throughSocket ? _folder : "127.0.0.1")};Port={_port};Username=postgres;Database={database};"
        + "Pooling=true;Maximum Pool Size=20";

    /// <summary>Stops the cluster if this run started one, and removes its folder.</summary>
    public static void StopIfStarted()
    {
        if (Shared.IsValueCreated) Shared.Value.Dispose();
    }

    /// <summary>A cluster of the caller's own, to stop and start again (the shared one must stay up for everyone).</summary>
    public static PostgresCluster StartOwn() => Start();

    /// <summary>Stops the server as an administrator or a crash would: clients lose their connections.</summary>
    public void Stop() =>
        Run("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");

    /// <summary>Starts the server again, on the same port.</summary>
    public void Restart() => Launch(_folder, _port);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_folder, "data", "postmaster.pid"))) Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private static PostgresCluster Start()
    {
        var folder = Directory.CreateTempSubdirectory("archive-postgres-").FullName;
        Run("chown", "postgres:postgres", folder);
        Run("runuser", "-u", "postgres", "--", $"{Bin}/initdb", "-D", Path.Combine(folder, "data"), "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8");
        var port = FreePort();
        Launch(folder, port);
        return new PostgresCluster(folder, port);
    }

    private static void Launch(string folder, int port) =>
        Run("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Path.Combine(folder, "data"), "-w", "-l",
            Path.Combine(folder, "server.log"), "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}{output.Result}");
    }
}
