using Archive.Core.Catalog;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// TT 02 completeness of what came with the file (TT02.md §1): the mandatory fields, and for a
/// numbered document its date, subject, notation, pages and language, each in the right form.
/// </summary>
public sealed class MetadataCheck(TimeProvider clock) : IIngestCheck
{
    public string Name => "siêu dữ liệu";

    public string Passed(IngestDocument document) => "đủ các trường bắt buộc theo TT 02, đúng thể thức.";

    public Task CheckAsync(IngestDocument document, CancellationToken cancellationToken)
    {
        var m = document.Metadata;
        foreach (var field in new[] { Tt02Fields.Document.TypeName, Tt02Fields.Document.OrganName })
            if (m[field.Tag] is null) document.Reasons.Add($"{field.VietnameseName}: bắt buộc, chưa có giá trị.");
        if (m["CodeNumber"] is not null)
            foreach (var field in new[]
                     {
                         Tt02Fields.Document.IssuedDate, Tt02Fields.Document.Subject, Tt02Fields.Document.CodeNotation, Tt02Fields.Document.PageAmount,
                     })
                if (m[field.Tag] is null) document.Reasons.Add($"{field.VietnameseName}: bắt buộc với văn bản có số, chưa có giá trị.");
        if (m["CodeNumber"] is { } number && m["CodeNotation"] is { } notation && !DocumentNotation.TryParse($"{number}/{notation}", out _))
            document.Reasons.Add($"{Tt02Fields.Document.CodeNumber.VietnameseName}, {Tt02Fields.Document.CodeNotation.VietnameseName}: " +
                                 $"\"{number}/{notation}\" không đúng thể thức số/ký hiệu (ví dụ 05/QĐ-UBND).");
        if (m["IssuedDate"] is { } date)
        {
            if (!DateOnly.TryParseExact(date, ["yyyy-MM-dd", "dd/MM/yyyy"], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var issued))
                document.Reasons.Add($"{Tt02Fields.Document.IssuedDate.VietnameseName}: \"{date}\" không phải ngày hợp lệ.");
            else if (issued > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
                document.Reasons.Add($"{Tt02Fields.Document.IssuedDate.VietnameseName}: {issued:dd/MM/yyyy} ở tương lai.");
        }
        return Task.CompletedTask;
    }
}
