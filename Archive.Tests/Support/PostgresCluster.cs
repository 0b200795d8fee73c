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
public sealed class PostgresCluster
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
    public string NewDatabase()
    {
        var name = $"archive_test_{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    /// <summary>Stops the cluster if this run started one, and removes its folder.</summary>
    public static void StopIfStarted()
    {
        if (!Shared.IsValueCreated) return;
        var cluster = Shared.Value;
        NpgsqlConnection.ClearAllPools();
        Run("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Path.Combine(cluster._folder, "data"), "-m", "immediate", "stop");
        Directory.Delete(cluster._folder, recursive: true);
    }

    private static PostgresCluster Start()
    {
        var folder = Directory.CreateTempSubdirectory("archive-postgres-").FullName;
        Run("chown", "postgres:postgres", folder);
        var data = Path.Combine(folder, "data");
        Run("runuser", "-u", "postgres", "--", $"{Bin}/initdb", "-D", data, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        var port = FreePort();
        Run("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", data, "-w", "-l", Path.Combine(folder, "server.log"), "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        return new PostgresCluster(folder, port);
    }

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
