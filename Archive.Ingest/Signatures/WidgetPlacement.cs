namespace Archive.Ingest.Signatures;

/// <summary>Where a signature's widget sits: its page (1-based) and rectangle, in PDF points, with the page size.</summary>
public sealed record WidgetPlacement(int Page, double Left, double Bottom, double Right, double Top, double PageWidth, double PageHeight)
{
    /// <summary>An invisible signature has a zero-sized widget.</summary>
    public bool IsVisible => Right - Left > 0 && Top - Bottom > 0;

    /// <summary>Top right of the page: the widget's centre in the right half and the top quarter (Điều 13 khoản 4 điểm a).</summary>
    public bool IsTopRight =>
        IsVisible && (Left + Right) / 2 >= PageWidth / 2 && (Bottom + Top) / 2 >= PageHeight * 3 / 4;
}
