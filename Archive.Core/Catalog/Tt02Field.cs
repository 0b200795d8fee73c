namespace Archive.Core.Catalog;

/// <summary>
/// One metadata field of TT 02/2019/TT-BNV: the XML tag used when metadata is exported,
/// its Vietnamese name (used in every user-facing message) and its maximum length
/// (characters for strings, digits for numbers; null when the circular sets none).
/// </summary>
public sealed record Tt02Field(string Tag, string VietnameseName, int? MaxLength = null)
{
    public override string ToString() => VietnameseName;
}
