using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Archive.Core.Audit;

/// <summary>The hash rule of the audit log, kept in one place for the writer and the verifier.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry e)
    {
        // A JSON array of the fields is an unambiguous, escaping-safe canonical form.
        string?[] fields =
        [
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At, e.Actor, e.Origin, e.Action,
            e.ObjectType, e.ObjectId, e.Before, e.After, e.PreviousHash,
        ];
        var canonical = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
