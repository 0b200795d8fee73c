namespace Archive.Core.Catalog;

/// <summary>
/// How the archived file came to be. Starts at 1 so that an unset value (0) is caught by
/// validation instead of silently meaning "born digital".
/// </summary>
public enum DocumentOrigin
{
    /// <summary>Gốc điện tử.</summary>
    BornDigital = 1,

    /// <summary>Số hóa.</summary>
    Digitised = 2,

    /// <summary>Hỗn hợp.</summary>
    Mixed = 3,
}

public static class DocumentOriginExtensions
{
    public static string VietnameseName(this DocumentOrigin origin) => origin switch
    {
        DocumentOrigin.BornDigital => "Gốc điện tử",
        DocumentOrigin.Digitised => "Số hóa",
        DocumentOrigin.Mixed => "Hỗn hợp",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };
}
