using System.Globalization;
using Archive.Core.Application;
using Archive.Core.Catalog;
using MiniExcelLibs;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// Metadata for several received files as the form records officers fill in: a CSV or XLSX sheet, one row per file, a column
/// naming the file ("Tệp", "Tên tệp" or "FileName") and a column per field headed by its TT 02 tag or its Vietnamese name
/// ("TypeName" or "Tên loại văn bản"). Read with MiniExcel; dates and numbers as a spreadsheet stores them are written back as
/// TT 02 text.
/// </summary>
public static class MetadataSheet
{
    private static readonly string[] FileHeaders = ["tep", "ten tep", "filename", "file"];

    /// <param name="names">The files being received: every row must name one of them, once.</param>
    /// <exception cref="MetadataFormatException">Not a sheet, a column that is no TT 02 field, a row for a file not given.</exception>
    public static IReadOnlyDictionary<string, Tt02Metadata> Read(Stream sheet, bool xlsx, IReadOnlyCollection<string> names, string source)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(sheet, useHeaderRow: true, excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV)
                .Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new MetadataFormatException($"'{source}' không phải bảng {(xlsx ? "XLSX" : "CSV")} đọc được (dòng đầu là tên cột).", e);
        }
        var columns = rows.FirstOrDefault()?.Keys.ToList() ?? [];
        var fileColumn = columns.FirstOrDefault(c => FileHeaders.Contains(VietnameseText.Fold(c.Trim())))
                         ?? throw new MetadataFormatException($"'{source}' thiếu cột tên tệp (\"Tệp\" hoặc \"FileName\").");
        var tags = columns.Where(c => c != fileColumn).ToDictionary(c => c, c => TagOf(c)
            ?? throw new MetadataFormatException($"Cột \"{c}\" của '{source}' không phải trường TT 02 của văn bản."));
        var known = names.ToHashSet(StringComparer.Ordinal);
        var byName = new Dictionary<string, Tt02Metadata>(StringComparer.Ordinal);
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 2)))
        {
            var name = Text(row[fileColumn]);
            if (name.Length == 0) continue;
            if (!known.Contains(name))
                throw new MetadataFormatException($"Dòng {index} của '{source}' ghi tệp '{name}', không có trong các tệp được tiếp nhận.");
            var metadata = tags.Where(t => Text(row[t.Key]).Length > 0)
                .Aggregate(Tt02Metadata.Empty, (m, t) => m.With(t.Value, Text(row[t.Key])));
            if (!byName.TryAdd(name, metadata))
                throw new MetadataFormatException($"Tệp '{name}' có hai dòng trong '{source}' (dòng {index}).");
        }
        return byName;
    }

    private static string? TagOf(string header)
    {
        var trimmed = header.Trim();
        if (DocumentFiling.Tags.Contains(trimmed)) return trimmed;
        var key = Key(trimmed);
        return Tt02Fields.Document.All.FirstOrDefault(f => Key(f.VietnameseName) == key)?.Tag;
    }

    /// <summary>A header as people type it: "Ngày tháng năm văn bản" for "Ngày, tháng, năm văn bản".</summary>
    private static string Key(string header) => VietnameseText.Fold(header.Replace(',', ' ').Replace('.', ' '));

    /// <summary>A cell as TT 02 text: a date as yyyy-MM-dd, a whole number without decimals.</summary>
    private static string Text(object? cell) => cell switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim() ?? "",
    };
}
