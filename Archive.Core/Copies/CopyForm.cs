namespace Archive.Core.Copies;

/// <summary>
/// The form of an electronic copy (NĐ 30/2020 Điều 25): what its stamp says and the ký hiệu of its number (SY, SL, TrS).
/// Only these three instances exist.
/// </summary>
public sealed record CopyForm
{
    /// <summary>A full copy of the original's preservation copy.</summary>
    public static readonly CopyForm SaoY = new("SY", "SAO Y", "sao-y");

    /// <summary>A full copy made from a SAO Y this archive issued.</summary>
    public static readonly CopyForm SaoLuc = new("SL", "SAO LỤC", "sao-luc");

    /// <summary>The chosen pages of the original.</summary>
    public static readonly CopyForm TrichSao = new("TrS", "TRÍCH SAO", "trich-sao");

    public static readonly IReadOnlyList<CopyForm> All = [SaoY, SaoLuc, TrichSao];

    private CopyForm(string code, string name, string key)
    {
        Code = code;
        Name = name;
        Key = key;
    }

    /// <summary>The ký hiệu of the copy's number: SY, SL or TrS.</summary>
    public string Code { get; }

    /// <summary>As the stamp shows it: SAO Y, SAO LỤC, TRÍCH SAO.</summary>
    public string Name { get; }

    /// <summary>As typed on the command line and in the API: sao-y, sao-luc, trich-sao.</summary>
    public string Key { get; }

    /// <summary>Reads a form by its key or its code, in any case.</summary>
    public static CopyForm Parse(string text) =>
        All.FirstOrDefault(f => string.Equals(f.Key, text.Trim(), StringComparison.OrdinalIgnoreCase)
                                || string.Equals(f.Code, text.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new Application.InvalidRequestException(
            $"Hình thức sao '{text}' không có; chọn một trong: {string.Join(", ", All.Select(f => $"{f.Key} ({f.Name})"))}.");

    public override string ToString() => Name;
}
