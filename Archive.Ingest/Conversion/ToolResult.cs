namespace Archive.Ingest.Conversion;

/// <summary>How a converter run ended. Output is bounded: long output keeps its beginning.</summary>
public sealed record ToolResult(string Tool, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws <see cref="ConversionException"/> naming the tool and its exit code unless it exited 0.</summary>
    public ToolResult EnsureSucceeded()
    {
        if (Succeeded) return this;
        var how = ExitCode > 128 ? $"bị dừng bởi tín hiệu {ExitCode - 128} (mã thoát {ExitCode})" : $"mã thoát {ExitCode}";
        throw new ConversionException(ConversionFailure.ToolFailed, Tool,
            $"Công cụ chuyển đổi '{Tool}' thất bại: {how}. {LastLines(StandardError)}".TrimEnd(), ExitCode);
    }

    /// <summary>The last three non-empty lines, joined: what a converter said last is usually why it stopped.</summary>
    internal static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : string.Join(" | ", lines.TakeLast(3));
    }
}
