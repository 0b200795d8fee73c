// Preservation benchmarks (issue 6), each against a reference run on the same input in the same run:
//  1. `archive fixity` over a generated store vs `sha256sum` over the same blob files: MB/s and ratio.
//  2. an incremental backup of the unchanged store vs the first full backup: time ratio.
// Usage: dotnet run -c Release --project bench/PreservationBench -- [--files 10000] [--size 215000] [--work DIR]
using System.Diagnostics;
using System.Globalization;
using Archive.Core.Audit;
using Archive.Core.Storage;

var files = Arg("--files", 10_000);
var size = Arg("--size", 215_000);
var work = Path.GetFullPath(Args("--work") ?? Path.Combine(Path.GetTempPath(), "archive-preservation-bench"));
var archiveDll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../Archive.Web/bin/Release/net10.0/archive.dll"));
if (!File.Exists(archiveDll)) Fail($"Build the archive first (dotnet build Archive.Web -c Release): {archiveDll} is missing.");

if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
var data = Path.Combine(work, "data");
Console.WriteLine($"Generating {files} blobs of ~{size} bytes ({files * (long)size / 1e9:F2} GB) in {data} …");
await Generate(data, files, size);

var blobFiles = Directory.EnumerateFiles(Path.Combine(data, "blobs", "sha256"), "*", SearchOption.AllDirectories).ToList();
var totalBytes = blobFiles.Sum(f => new FileInfo(f).Length);
var list = Path.Combine(work, "files.txt");
await File.WriteAllLinesAsync(list, blobFiles);

// Warm the page cache equally for both: each tool reads the same files once before it is timed.
Run("sh", "-c", $"xargs -a '{list}' cat > /dev/null");
var sha = Time(() => Run("sh", "-c", $"xargs -a '{list}' sha256sum > /dev/null"));
var fixity = Time(() => Run("dotnet", archiveDll, "fixity", "--no-repair", "--data", data));
var mb = totalBytes / (1024.0 * 1024.0);
Console.WriteLine($"files: {blobFiles.Count}, bytes: {totalBytes} ({mb:F0} MiB), cores: {Environment.ProcessorCount}");
Console.WriteLine($"sha256sum:      {sha.TotalSeconds,8:F2} s  {mb / sha.TotalSeconds,8:F1} MiB/s");
Console.WriteLine($"archive fixity: {fixity.TotalSeconds,8:F2} s  {mb / fixity.TotalSeconds,8:F1} MiB/s");
Console.WriteLine($"fixity throughput ratio (archive / sha256sum): {sha.TotalSeconds / fixity.TotalSeconds:F2}x  (target >= 1.5x)");

var media = Path.Combine(work, "media");
var full = Time(() => Run("dotnet", archiveDll, "backup", "--full", "--to", media, "--data", data));
var incremental = Time(() => Run("dotnet", archiveDll, "backup", "--incremental", "--to", media, "--data", data));
Console.WriteLine($"full backup:        {full.TotalSeconds,8:F2} s");
Console.WriteLine($"incremental backup: {incremental.TotalSeconds,8:F2} s (unchanged store)");
Console.WriteLine($"incremental / full: {incremental.TotalSeconds / full.TotalSeconds * 100:F1}%  (target < 10%)");
if (!args.Contains("--keep")) Directory.Delete(work, recursive: true);
return;

static async Task Generate(string root, int count, int size)
{
    using var store = ArchiveStore.Open(new DataFolder(root), TimeProvider.System, Serilog.Core.Logger.None);
    var actor = Actor.Operator("bench", Environment.MachineName);
    var random = new Random(20261124);
    const int batch = 500;
    for (var start = 0; start < count; start += batch)
    {
        var work = store.BeginWork();
        for (var i = start; i < Math.Min(count, start + batch); i++)
        {
            var bytes = new byte[size + random.Next(-size / 10, size / 10)];
            random.NextBytes(bytes);
            await work.AddBlobAsync(new MemoryStream(bytes), "original", $"bench-{i}", CancellationToken.None);
        }
        work.Commit(actor, _ => 0);
    }
}

static TimeSpan Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed;
}

static void Run(string file, params string[] args)
{
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in args) info.ArgumentList.Add(a);
    using var process = Process.Start(info)!;
    process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) Fail($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error}");
}

static void Fail(string message)
{
    Console.Error.WriteLine(message);
    Environment.Exit(2);
}

int Arg(string name, int fallback) => Args(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? Args(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
