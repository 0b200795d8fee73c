using System.Text;
using System.Text.Json;

namespace Archive.Ingest.Conversion;

/// <summary>
/// qpdf, the archive's independent reader of PDF structure: reads a file's structure and shows
/// objects (the XMP stream) by number.
/// </summary>
public sealed class Qpdf
{
    private const string Tool = "qpdf";
    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;

    public Qpdf(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
    }

    /// <summary>
    /// The structure of <paramref name="pdf"/> in one pass; <see cref="PdfStructure.Encrypted"/> and nothing else when it
    /// cannot be opened without a password. Throws <see cref="ConversionException"/> (damaged source) when qpdf cannot read it.
    /// </summary>
    public async Task<PdfStructure> InspectAsync(string pdf, CancellationToken cancellationToken)
    {
        // Through a file: the runner bounds captured output, and a large PDF's object list is long.
        var json = TempFile("structure.json");
        try
        {
            var result = await RunAsync(cancellationToken, "--json=2", "--json-stream-data=none", pdf, json).ConfigureAwait(false);
            if (result.ExitCode is 0 or 3 && File.Exists(json))
            {
                await using var stream = new FileStream(json, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                return await PdfStructure.ReadAsync(stream, repaired: result.ExitCode == 3, cancellationToken).ConfigureAwait(false);
            }
            var said = (result.StandardError + "\n" + result.StandardOutput).Trim();
            if (said.Contains("password", StringComparison.OrdinalIgnoreCase) && await RequiresPasswordAsync(pdf, cancellationToken).ConfigureAwait(false))
                return PdfStructure.PasswordProtected;
            var last = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            throw new ConversionException(ConversionFailure.DamagedSource, Tool,
                $"Tệp PDF bị hỏng, không đọc được cấu trúc (qpdf, mã thoát {result.ExitCode}): {last}", result.ExitCode);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ConversionException(ConversionFailure.DamagedSource, Tool, $"Không đọc được cấu trúc tệp PDF do qpdf trả về: {e.Message}", inner: e);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>True when the PDF cannot be opened without a user password.</summary>
    public async Task<bool> RequiresPasswordAsync(string pdf, CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken, "--requires-password", pdf).ConfigureAwait(false)).ExitCode == 0;

    /// <summary>The decoded bytes of stream object <paramref name="number"/> (the XMP packet), of any length.</summary>
    public async Task<byte[]> StreamDataAsync(string pdf, int number, CancellationToken cancellationToken) =>
        StreamData((await ObjectsAsync(pdf, [number], cancellationToken).ConfigureAwait(false))[number], number);

    /// <summary>
    /// Objects by number as qpdf's JSON shows them (<c>{"value": …}</c> or <c>{"stream": {"dict": …, "data": base64}}</c>,
    /// stream data decoded), all in one run.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, JsonElement>> ObjectsAsync(string pdf, IReadOnlyCollection<int> numbers,
        CancellationToken cancellationToken)
    {
        var json = TempFile("objects.json");
        try
        {
            (await RunAsync(cancellationToken, [
                "--json=2", "--json-key=qpdf", .. numbers.Select(n => $"--json-object={n}"), "--json-stream-data=inline",
                "--decode-level=generalized", pdf, json,
            ]).ConfigureAwait(false)).EnsureSucceeded();
            await using var stream = File.OpenRead(json);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var objects = document.RootElement.GetProperty("qpdf")[1];
            return numbers.ToDictionary(n => n, n => objects.GetProperty($"obj:{n} 0 R").Clone());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConversionException(ConversionFailure.InvalidOutput, Tool,
                $"Không đọc được đối tượng {string.Join(", ", numbers)} của tệp PDF: {e.Message}", inner: e);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>The decoded data of a stream object from <see cref="ObjectsAsync"/>.</summary>
    public static byte[] StreamData(JsonElement shown, int number)
    {
        try
        {
            return Convert.FromBase64String(shown.GetProperty("stream").GetProperty("data").GetString() ?? "");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ConversionException(ConversionFailure.InvalidOutput, Tool, $"Đối tượng {number} của tệp PDF không phải luồng dữ liệu đọc được.", inner: e);
        }
    }

    private Task<ToolResult> RunAsync(CancellationToken cancellationToken, params string[] arguments) =>
        _runner.RunAsync(new ToolInvocation(Tool, _options.Qpdf, arguments, _options.InspectionTimeout, _options.MemoryLimitBytes), cancellationToken);

    private static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"archive-qpdf-{Guid.NewGuid():N}-{name}");
}
