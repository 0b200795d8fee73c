namespace Archive.Ingest.Signatures;

/// <summary>
/// The /ByteRange of a PDF signature: two signed ranges around a gap that must hold the /Contents
/// hex string. Construction refuses every shape that signature wrapping and universal forgery use:
/// not four numbers, not starting at 0, overlapping or out-of-order ranges, ranges past the end.
/// </summary>
public sealed record ByteRange
{
    private ByteRange(long firstLength, long secondStart, long secondLength)
    {
        FirstLength = firstLength;
        SecondStart = secondStart;
        SecondLength = secondLength;
    }

    public long FirstLength { get; }
    public long SecondStart { get; }
    public long SecondLength { get; }

    /// <summary>Where the gap (the /Contents string with its angle brackets) begins and ends.</summary>
    public long GapStart => FirstLength;
    public long GapEnd => SecondStart;

    /// <summary>The end of the signed bytes: the end of the revision the signature closes.</summary>
    public long End => SecondStart + SecondLength;

    public static bool TryCreate(IReadOnlyList<long> values, long fileLength, out ByteRange? range, out string problem)
    {
        range = null;
        if (values.Count != 4)
        {
            problem = $"/ByteRange có {values.Count} số thay vì 4.";
            return false;
        }
        if (values[0] != 0)
        {
            problem = "/ByteRange không bắt đầu từ byte 0.";
            return false;
        }
        if (values.Any(v => v < 0) || values[1] <= 0 || values[3] < 0)
        {
            problem = "/ByteRange chứa số âm hoặc vùng rỗng.";
            return false;
        }
        if (values[2] <= values[1])
        {
            problem = "Hai vùng của /ByteRange chồng lên nhau hoặc sai thứ tự.";
            return false;
        }
        if (values[2] > fileLength || values[3] > fileLength - values[2])
        {
            problem = "/ByteRange vượt quá kích thước tệp.";
            return false;
        }
        range = new ByteRange(values[1], values[2], values[3]);
        problem = string.Empty;
        return true;
    }

    public override string ToString() => $"[0 {FirstLength} {SecondStart} {SecondLength}]";
}
