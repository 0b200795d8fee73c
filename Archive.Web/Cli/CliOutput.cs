using System.Text.Json;

namespace Archive.Web.Cli;

/// <summary>
/// Results go to standard output: one JSON object per line with --json, readable Vietnamese text
/// otherwise. Logs and errors go to standard error.
/// </summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr, bool json)
{
    public static JsonSerializerOptions JsonOptions => Core.ArchiveJson.Options;

    public bool Json => json;

    /// <summary>One result: as a JSON line, or through <paramref name="text"/>.</summary>
    public void Item<T>(T item, Func<T, string> text) =>
        stdout.WriteLine(json ? JsonSerializer.Serialize(item, JsonOptions) : text(item));

    public void List<T>(IEnumerable<T> items, Func<T, string> text, string emptyText)
    {
        var any = false;
        foreach (var item in items)
        {
            any = true;
            Item(item, text);
        }
        if (!any && !json) stdout.WriteLine(emptyText);
    }

    public void Message(string text)
    {
        if (!json) stdout.WriteLine(text);
    }

    public void Error(string text) => stderr.WriteLine($"Lỗi: {text}");

    /// <summary>Progress for long work, on standard error so it never mixes with results.</summary>
    public IProgress<string> Progress() => new StderrProgress(stderr);

    // Progress<T> posts to the thread pool; a command line wants the lines now and in order.
    private sealed class StderrProgress(TextWriter stderr) : IProgress<string>
    {
        public void Report(string value) => stderr.WriteLine(value);
    }
}
