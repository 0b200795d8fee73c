using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Archive.Core.Catalog;

/// <summary>
/// Which version of a dossier an editor started from: a digest of everything a person can see of it, so any change (an edit,
/// a close, a reopen, a document's totals) gives a new revision. On the web it is the ETag, and If-Match names it.
/// </summary>
public sealed record DossierRevision
{
    private DossierRevision(string value) => Value = value;

    /// <summary>16 lower-case hexadecimal digits.</summary>
    public string Value { get; }

    public static DossierRevision Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        // Times of closing are left out: a stored time may come back with another precision, the status says enough.
        var state = new object?[]
        {
            dossier.FileCode.Value, dossier.Identifier, dossier.Title, dossier.Maintenance.Value, dossier.Rights.Code,
            dossier.Language.Value, dossier.StartDate, dossier.EndDate, dossier.DocTotal, dossier.Description, dossier.InforSign,
            dossier.Keyword, dossier.SheetTotal, dossier.PageTotal, dossier.Format, dossier.Creator, dossier.Status.ToString(),
            dossier.Unit, dossier.ReopenReason,
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(state)));
        return new DossierRevision(Convert.ToHexStringLower(hash.AsSpan(0, 8)));
    }

    /// <summary>A revision as a client sends it back: bare, or as an HTTP entity tag (quoted, perhaps weak).</summary>
    public static DossierRevision Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bare = text.Trim();
        if (bare.StartsWith("W/", StringComparison.Ordinal)) bare = bare[2..];
        bare = bare.Trim('"');
        return bare.Length == 16 && bare.All(char.IsAsciiHexDigitLower)
            ? new DossierRevision(bare)
            : throw new MetadataFormatException($"'{text}' không phải phiên bản hồ sơ (16 chữ số thập lục phân).");
    }

    public override string ToString() => Value;
}
