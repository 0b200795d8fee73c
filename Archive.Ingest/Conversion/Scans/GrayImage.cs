using System.Globalization;
using System.Text;

namespace Archive.Ingest.Conversion.Scans;

/// <summary>
/// An 8-bit grey page image as pdftoppm and unpaper write it (binary PGM, "P5"): read, turned about its centre, written.
/// </summary>
public sealed class GrayImage
{
    private const byte White = 255;
    private readonly byte[] _pixels;

    private GrayImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte this[int x, int y] => _pixels[y * Width + x];

    public static GrayImage FromPixels(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0 || pixels.Length != (long)width * height)
            throw new ArgumentException($"A {width}×{height} image needs {(long)width * height} pixels, not {pixels.Length}.",
                nameof(pixels));
        return new GrayImage(width, height, pixels);
    }

    public static async Task<GrayImage> ReadPgmAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var at = 0;
        if (Token(bytes, ref at) != "P5") throw new InvalidDataException($"{Path.GetFileName(path)} is not a binary PGM image.");
        var width = Number(bytes, ref at);
        var height = Number(bytes, ref at);
        var maximum = Number(bytes, ref at);
        at++; // the single white space before the pixels
        if (maximum is < 1 or > 255 || (long)width * height > bytes.Length - at)
            throw new InvalidDataException($"{Path.GetFileName(path)}: a {width}×{height} PGM of maximum {maximum} is not whole.");
        var pixels = bytes.AsSpan(at, width * height).ToArray();
        if (maximum != 255)
            for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(pixels[i] * 255 / maximum);
        return new GrayImage(width, height, pixels);
    }

    public async Task WritePgmAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n")),
            cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(_pixels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The image with every pixel lighter than <paramref name="level"/> made white: the faint rest of cleaned specks.</summary>
    public GrayImage Whitened(byte level) => new(Width, Height, _pixels.Select(p => p > level ? White : p).ToArray());

    /// <summary>The image turned counter-clockwise by <paramref name="degrees"/> about its centre (bilinear), white outside.</summary>
    public GrayImage Turned(double degrees)
    {
        var radians = degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians), cx = (Width - 1) / 2.0, cy = (Height - 1) / 2.0;
        var turned = new byte[_pixels.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                // Where this pixel was before turning (y grows downwards, so counter-clockwise is the inverse of the usual sign).
                double dx = x - cx, dy = y - cy;
                var sx = cx + dx * cos - dy * sin;
                var sy = cy + dx * sin + dy * cos;
                turned[y * Width + x] = Sample(sx, sy);
            }
        }
        return new GrayImage(Width, Height, turned);
    }

    private byte Sample(double x, double y)
    {
        if (x < 0 || y < 0 || x > Width - 1 || y > Height - 1) return White;
        int x0 = (int)x, y0 = (int)y, x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
        double fx = x - x0, fy = y - y0;
        var top = _pixels[y0 * Width + x0] * (1 - fx) + _pixels[y0 * Width + x1] * fx;
        var bottom = _pixels[y1 * Width + x0] * (1 - fx) + _pixels[y1 * Width + x1] * fx;
        return (byte)Math.Round(top * (1 - fy) + bottom * fy);
    }

    private static string Token(byte[] bytes, ref int at)
    {
        while (at < bytes.Length)
        {
            if (bytes[at] == '#')
                while (at < bytes.Length && bytes[at] != '\n') at++;
            else if (char.IsWhiteSpace((char)bytes[at])) at++;
            else break;
        }
        var start = at;
        while (at < bytes.Length && !char.IsWhiteSpace((char)bytes[at]) && bytes[at] != '#') at++;
        return Encoding.ASCII.GetString(bytes, start, at - start);
    }

    private static int Number(byte[] bytes, ref int at) =>
        int.TryParse(Token(bytes, ref at), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidDataException("A PGM header number is missing or not a positive integer.");
}
