using System.Globalization;

namespace Archive.Ingest.Signing;

/// <summary>
/// Where the signature widget goes: invisible, the top right of page 1 (the organisation
/// signature's place, Điều 13 khoản 4 điểm a), or a rectangle on a page in PDF points (origin bottom left).
/// </summary>
public sealed record SignaturePlacement
{
    public static readonly SignaturePlacement Invisible = new() { Page = 1 };
    public static readonly SignaturePlacement TopRight = new() { Page = 1, AtTopRight = true };

    public int Page { get; init; } = 1;
    public double Left { get; init; }
    public double Bottom { get; init; }
    public double Right { get; init; }
    public double Top { get; init; }

    /// <summary>Resolved against the page's size when signing.</summary>
    public bool AtTopRight { get; init; }

    /// <summary>The page itself shows what the signature says (a certified copy's stamp): the widget draws nothing over it.</summary>
    public bool OverPageText { get; init; }

    public bool IsVisible => AtTopRight || (Right > Left && Top > Bottom);

    public static SignaturePlacement Rectangle(int page, double left, double bottom, double right, double top) =>
        new() { Page = page, Left = left, Bottom = bottom, Right = right, Top = top };

    /// <summary>A widget over text the page already shows, in the page's embedded font (PDF/A allows no other).</summary>
    public static SignaturePlacement OverText(int page, double left, double bottom, double right, double top) =>
        Rectangle(page, left, bottom, right, top) with { OverPageText = true };

    /// <summary>The rectangle on a page of the given size.</summary>
    public (double Left, double Bottom, double Right, double Top) On(double pageWidth, double pageHeight) =>
        AtTopRight ? (pageWidth - 200, pageHeight - 72, pageWidth - 20, pageHeight - 12)
        : IsVisible ? (Left, Bottom, Right, Top) : (0, 0, 0, 0);

    /// <summary>Parses "invisible", "top-right", or "PAGE:LEFT,BOTTOM,RIGHT,TOP".</summary>
    public static bool TryParse(string? text, out SignaturePlacement placement)
    {
        placement = Invisible;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "invisible":
                return true;
            case "top-right":
                placement = TopRight;
                return true;
        }
        var parts = text.Split(':', 2);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1) return false;
        var numbers = parts[1].Split(',');
        if (numbers.Length != 4) return false;
        var values = new double[4];
        for (var i = 0; i < 4; i++)
            if (!double.TryParse(numbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return false;
        placement = Rectangle(page, values[0], values[1], values[2], values[3]);
        return placement.IsVisible;
    }
}
