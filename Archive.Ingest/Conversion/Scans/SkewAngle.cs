namespace Archive.Ingest.Conversion.Scans;

/// <summary>
/// How far a page's lines of text are turned, by projection profiles: the dark pixels are summed along lines of each
/// candidate slope, and the slope of the text makes the sums the most uneven (full rows of text, empty rows between). Specks
/// spread evenly over every slope, so unlike an edge-based estimate they only add a floor.
/// </summary>
public static class SkewAngle
{
    private const byte Dark = 128;

    /// <summary>Degrees the text is turned counter-clockwise, within ±<paramref name="limit"/>; 0 for a page with no ink.</summary>
    public static double Estimate(GrayImage image, double limit = 10)
    {
        ArgumentNullException.ThrowIfNull(image);
        // Every other column: half the work. Every row: rows skipped would fill only even sums at slope 0 and favour it.
        var xs = new List<int>();
        var ys = new List<int>();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x += 2)
                if (image[x, y] < Dark)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
        if (xs.Count == 0) return 0;
        var reach = (int)Math.Ceiling(image.Width * Math.Tan(limit * Math.PI / 180)) + 1;
        var rows = new long[image.Height + 2 * reach + 2];
        var best = Best(-limit, limit, 0.2);
        return Best(Math.Max(-limit, best - 0.2), Math.Min(limit, best + 0.2), 0.02);

        double Best(double from, double to, double step)
        {
            var (bestAngle, bestScore) = (0.0, -1.0);
            for (var angle = from; angle <= to + step / 2; angle += step)
            {
                // Turned counter-clockwise by a, a line of text runs y = y0 - x·tan a: y + x·tan a is the same along it.
                var slope = Math.Tan(angle * Math.PI / 180);
                Array.Clear(rows);
                for (var i = 0; i < xs.Count; i++) rows[(int)Math.Round(ys[i] + xs[i] * slope) + reach]++;
                var score = 0.0;
                foreach (var count in rows) score += (double)count * count;
                if (score > bestScore) (bestAngle, bestScore) = (angle, score);
            }
            return bestAngle;
        }
    }
}
