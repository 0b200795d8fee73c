using Archive.Ingest.Signing;

namespace Archive.Ingest.Copies;

/// <summary>How the agency issues copies (Archive:Copies).</summary>
/// <param name="VerificationPage">Where a copy's QR code and verification code lead: the public page /xac-thuc.</param>
/// <param name="AgencyKey">The organisation's key copies are signed with, when the person making one does not name it (the web).</param>
/// <param name="TimestampAuthority">An RFC 3161 time-stamp authority: copies are then PAdES B-T, otherwise B-B.</param>
public sealed record CopyIssuingOptions(Uri VerificationPage, SigningKeySource? AgencyKey = null, Uri? TimestampAuthority = null)
{
    public static readonly CopyIssuingOptions Default = new(new Uri("http://127.0.0.1:5080/xac-thuc"));

    public Uri AddressOf(string code) => new($"{VerificationPage.AbsoluteUri.TrimEnd('/')}?ma={Uri.EscapeDataString(code)}");
}
