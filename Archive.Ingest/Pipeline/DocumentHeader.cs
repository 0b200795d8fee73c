using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Core.Catalog;
using Archive.Ingest.Signatures;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// What the first page of an administrative document laid out per NĐ 30 (Phụ lục I) says about itself: the issuing organisation
/// (top left, under the governing body), số and ký hiệu ("Số: 05/QĐ-UBND"), place and date ("Hà Tĩnh, ngày 24 tháng 11 năm 2026",
/// top right), the type name (a line in capitals such as "QUYẾT ĐỊNH"; none for a công văn, whose trích yếu starts "V/v") and the
/// trích yếu. Read from <c>pdftotext -layout</c> text, whose columns are runs of three or more spaces apart.
/// </summary>
public sealed partial record DocumentHeader(string? TypeName, string? CodeNumber, string? CodeNotation, DateOnly? IssuedDate,
    string? Place, string? OrganName, string? Subject)
{
    [GeneratedRegex(@"^S[ốo]\s*:\s*(\d{1,6})\s*/\s*([\p{L}\d][\p{L}\d\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    /// <summary>"V/v" (về việc) opening a công văn's trích yếu, also as OCR reads it ("V/w", "V/V", "VIv").</summary>
    [GeneratedRegex(@"^V\s?[/|Il1]\s?[vVwW]\.?\s+")]
    private static partial Regex AboutPrefix();

    [GeneratedRegex(@"^(.+?),\s*ng[àa]y\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceBeforeDate();

    /// <summary>A cell: text with no run of three spaces inside it.</summary>
    [GeneratedRegex(@"\S+(?:\s{1,2}\S+)*")]
    private static partial Regex Cell();

    /// <summary>Cells that start this far right belong to the right-hand column (the national motto, place and date).</summary>
    private const int RightColumn = 30;

    private static readonly string[] Decoration = ["-", "_", "—", "–"];

    /// <summary>The type names a heading may carry, folded, longest first so that "giấy mời" is not read as "giấy".</summary>
    private static readonly (string Folded, string Name)[] TypeNames = DocumentTypeAbbreviations.All.Values
        .Where(n => !n.StartsWith("Bản sao", StringComparison.Ordinal) && n != "Bản trích sao")
        .Select(n => (VietnameseText.Fold(n), n)).OrderByDescending(t => t.Item1.Length).ToArray();

    public static DocumentHeader Read(string firstPage)
    {
        var rows = firstPage.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => Cell().Matches(l).Select(m => (m.Index, m.Value)).ToArray()).ToList();
        var lines = rows.Select(r => r.Select(c => c.Value).ToArray()).ToList();
        // The left column alone, for the organisation, the number and a công văn's trích yếu.
        var left = rows.Select(r => r.Where(c => c.Index < RightColumn).Select(c => c.Value).ToArray()).ToList();
        string? number = null, notation = null, organ = null, place = null, type = null, subject = null;
        var numberLine = -1;
        for (var i = 0; i < left.Count && numberLine < 0; i++)
            if (left[i].Length > 0 && Number().Match(left[i][0]) is { Success: true } m)
                (number, notation, numberLine) = (m.Groups[1].Value, m.Groups[2].Value, i);
        if (numberLine > 0) organ = Organ(left.Take(numberLine).Where(l => l.Length > 0).Select(l => l[0]).ToList());

        var date = IssueDateFinder.Find(firstPage);
        foreach (var cell in lines.SelectMany(l => l))
            if (place is null && date is not null && PlaceBeforeDate().Match(cell) is { Success: true } p)
                place = p.Groups[1].Value.Trim();

        // The heading: a line of capitals naming a type, below the number; the trích yếu follows it up to a blank line.
        for (var i = Math.Max(numberLine, 0) + 1; i < lines.Count && type is null; i++)
        {
            if (lines[i].Length != 1 || lines[i][0] != lines[i][0].ToUpper(CultureInfo.InvariantCulture)) continue;
            var folded = VietnameseText.Fold(lines[i][0]);
            if (TypeNames.FirstOrDefault(t => folded == t.Folded) is { Name: { } name })
            {
                type = name;
                subject = Paragraph(lines, i + 1);
            }
        }
        // A công văn: "V/v …" under the number, in the left column.
        if (type is null)
            for (var i = Math.Max(numberLine, 0); i < left.Count && subject is null; i++)
                if (left[i].Length > 0 && AboutPrefix().Match(left[i][0]) is { Success: true } about)
                {
                    subject = "Về việc " + string.Join(' ', new[] { left[i][0][about.Length..].Trim() }
                        .Concat(left.Skip(i + 1).TakeWhile(l => l.Length > 0 && IsContinuation(l[0])).Select(l => l[0].Trim())));
                    type = "Công văn";
                }
        if (type is null && notation is not null && DocumentTypeAbbreviations.TryGetTypeName(notation.Split('-')[0], out var byNotation))
            type = byNotation;
        if (type is not null && notation is not null) notation = Corrected(notation, type);
        return new DocumentHeader(type, number, notation, date, place, organ, subject);
    }

    /// <summary>
    /// The ký hiệu with its type abbreviation put right when the heading names the type and the printed one is no abbreviation but
    /// one character away from the type's (what OCR does to "TTr": "TTT").
    /// </summary>
    private static string Corrected(string notation, string type)
    {
        var parts = notation.Split('-', 2);
        if (parts.Length < 2 || DocumentTypeAbbreviations.Contains(parts[0])) return notation;
        var expected = DocumentTypeAbbreviations.All.FirstOrDefault(a => a.Value == type).Key;
        return expected is not null && expected.Length == parts[0].Length && expected.Zip(parts[0]).Count(p => p.First != p.Second) <= 1
            ? $"{expected}-{parts[1]}"
            : notation;
    }

    /// <summary>The lines of a paragraph from <paramref name="start"/>, skipping leading blanks, up to the next blank line.</summary>
    private static string? Paragraph(IReadOnlyList<string[]> lines, int start)
    {
        var first = start;
        while (first < lines.Count && lines[first].Length == 0) first++;
        var text = string.Join(' ', lines.Skip(first).TakeWhile(l => l.Length > 0 && !IsDecoration(l[0])).Select(l => string.Join(' ', l)));
        return text.Length > 0 ? text : null;
    }

    /// <summary>
    /// The issuing organisation: the last line of the top-left block, or "ỦY BAN NHÂN DÂN" with the line naming its area.
    /// </summary>
    private static string? Organ(IReadOnlyList<string> left)
    {
        var names = left.Where(l => !IsDecoration(l) && !VietnameseText.Fold(l).StartsWith("cong hoa", StringComparison.Ordinal)).ToList();
        if (names.Count == 0) return null;
        if (names.Count >= 2 && VietnameseText.Fold(names[^2]) is "uy ban nhan dan" or "hoi dong nhan dan")
            return $"{names[^2]} {names[^1]}";
        return names[^1];
    }

    private static bool IsDecoration(string cell) => cell.Trim().All(c => Decoration.Contains(c.ToString()));

    /// <summary>A wrapped trích yếu goes on in the left column up to a blank line or the salutation ("Kính gửi").</summary>
    private static bool IsContinuation(string cell) =>
        cell.Length > 0 && !IsDecoration(cell) && !VietnameseText.Fold(cell).StartsWith("kinh gui", StringComparison.Ordinal);
}
