using System.Text;

namespace SearchBench;

/// <summary>
/// The documents the bench indexes, as tab-separated lines for an SQLite FTS5 table fed the same text (bench/fts5-index.py):
/// id, type, số/ký hiệu, issuing organ, trích yếu, dossier title, full text; tabs and line breaks made spaces.
/// </summary>
internal static class FtsExport
{
    public static async Task WriteAsync(SyntheticArchive archive, int count, string path)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        foreach (var indexed in archive.Documents(count))
        {
            var d = indexed.Document;
            string[] fields = [d.Id, d.TypeName, $"{d.CodeNumber}/{d.CodeNotation}", d.OrganName, d.Subject ?? "",
                indexed.DossierTitle ?? "", indexed.FullText];
            await writer.WriteLineAsync(string.Join('\t', fields.Select(f => f.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '))));
        }
    }
}
