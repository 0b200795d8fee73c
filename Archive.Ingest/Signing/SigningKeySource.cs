using Archive.Core.Application;

namespace Archive.Ingest.Signing;

/// <summary>
/// Where a signing key is: a PKCS#12 file, or a key on a PKCS#11 token (its library, token label and key label, and the
/// certificate chain when the token holds none). <see cref="Secret"/> is the file's password or the token's PIN.
/// </summary>
public sealed record SigningKeySource(string? Pkcs12File, string? Pkcs11Library, string? Token, string? KeyLabel, string? CertificateFile,
    string Secret)
{
    /// <summary>Opens the key; the caller disposes it. A token's key never leaves the token.</summary>
    public ISigningKey Open()
    {
        if ((Pkcs12File is null) == (Pkcs11Library is null))
            throw new InvalidRequestException(
                "Chọn đúng một nguồn khoá: một tệp khoá PKCS#12, hoặc một thiết bị ký PKCS#11 (thư viện, nhãn thiết bị, nhãn khoá).");
        try
        {
            if (Pkcs12File is not null) return Pkcs12SigningKey.Load(Pkcs12File, Secret);
            var token = Token ?? throw new InvalidRequestException("Thiết bị ký PKCS#11 cần nhãn thiết bị (token).");
            var label = KeyLabel ?? throw new InvalidRequestException("Thiết bị ký PKCS#11 cần nhãn khoá.");
            return Pkcs11SigningKey.Open(Pkcs11Library!, token, label, Secret, CertificateFile);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidRequestException(e.Message);
        }
    }
}
