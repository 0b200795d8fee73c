using System.Security.Cryptography;

namespace Archive.Core.Access;

/// <summary>A random password given once (first administrator, new accounts, resets); it meets <see cref="PasswordPolicy"/>.</summary>
public static class OneTimePassword
{
    // No 0/O, 1/l/I: read aloud over the phone and typed from paper.
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Others = "@#%+=?";

    public static string Create()
    {
        var all = Lower + Upper + Digits + Others;
        var chars = RandomNumberGenerator.GetItems<char>(all, 12).Concat(
        [
            RandomNumberGenerator.GetItems<char>(Lower, 1)[0], RandomNumberGenerator.GetItems<char>(Upper, 1)[0],
            RandomNumberGenerator.GetItems<char>(Digits, 1)[0], RandomNumberGenerator.GetItems<char>(Others, 1)[0],
        ]).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
