using System.Security.Cryptography;

namespace Archive.Core.Copies;

/// <summary>The code a copy shows for the verification page: 12 characters of Crockford's base32 (no I, L, O, U), 60 random bits.</summary>
public static class VerificationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 12);
}
