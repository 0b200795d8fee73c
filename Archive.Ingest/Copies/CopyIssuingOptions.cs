namespace Archive.Ingest.Copies;

/// <summary>Where a copy's QR code and verification code lead (Archive:Copies:VerificationPage): the public page /xac-thuc.</summary>
public sealed record CopyIssuingOptions(Uri VerificationPage)
{
    public static readonly CopyIssuingOptions Default = new(new Uri("http://127.0.0.1:5080/xac-thuc"));

    public Uri AddressOf(string code) => new($"{VerificationPage.AbsoluteUri.TrimEnd('/')}?ma={Uri.EscapeDataString(code)}");
}
