using System.Globalization;
using Archive.Core.Copies;
using Archive.Ingest.Signatures;

namespace Archive.Ingest.Copies;

/// <summary>
/// What the top right of a copy's first page says (NĐ 30/2020 Phụ lục I Phần II.I): the form of copy, the copying
/// organisation, the signing time (date and hh:mm:ss, Vietnam time, ISO 8601), the copy's number and ký hiệu, and the
/// code that finds it on the verification page.
/// </summary>
/// <param name="Number">The copy's number and ký hiệu, as "03/SY".</param>
public sealed record CopyStamp(CopyForm Form, string Organisation, DateTimeOffset SignedAt, string Number, string VerificationCode,
    Uri VerificationAddress)
{
    public IReadOnlyList<string> Lines =>
    [
        Form.Name,
        Organisation,
        $"Thời gian ký: {SignedAt.ToOffset(AgencyRules.VietnamOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}",
        $"Số: {Number} · Mã xác thực: {VerificationCode}",
    ];
}
