namespace Archive.Core.Access;

/// <summary>The restricted collection is closed because this machine failed the air-gap self-check.</summary>
public sealed class RestrictedCollectionClosedException(AirGapVerdict verdict)
    : Exception("Kho tài liệu hạn chế sử dụng đang đóng: máy này không đạt kiểm tra cách ly mạng (Điều 16.6). " +
                string.Join(" ", verdict.Violations))
{
    public AirGapVerdict Verdict { get; } = verdict;
}
