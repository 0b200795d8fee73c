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

    /// <summary>The entries that record <paramref name="changes"/> after the entry (<paramref name="sequence"/>,
    /// <paramref name="previous"/>), each stamped with who, when and its hash.</summary>
    public static List<AuditEntry> Extend(long sequence, string previous, Actor actor, string at, IEnumerable<AuditChange> changes)
    {
        var entries = new List<AuditEntry>();
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence, At = at, Actor = actor.Name, Origin = actor.Origin, Action = change.Action,
                ObjectType = change.ObjectType, ObjectId = change.ObjectId, Before = change.Before, After = change.After,
                PreviousHash = previous,
            };
            entry = entry with { Hash = HashOf(entry) };
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }

    /// <summary>Recomputes the chain over the log in order of sequence and names the first entry that does not fit.</summary>
    /// <param name="head">The last entry's sequence and hash as recorded with the last commit, if any: a shorter log was cut.</param>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, (long Sequence, string Hash)? head, IProgress<long>? progress)
    {
        var previous = Genesis;
        long expected = 1, checkedCount = 0;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expected)
                return new AuditVerification(checkedCount, expected, AuditBreak.Missing);
            if (HashOf(entry) != entry.Hash)
                return new AuditVerification(checkedCount, entry.Sequence, AuditBreak.Edited);
            // This entry is self-consistent but names another predecessor: the one before it was
            // rewritten with a fresh hash (or this link was forged), so the break is at the previous entry.
            if (entry.PreviousHash != previous)
                return new AuditVerification(checkedCount, entry.Sequence - 1, AuditBreak.Rehashed);
            previous = entry.Hash;
            expected++;
            checkedCount++;
            if (checkedCount % 10_000 == 0) progress?.Report(checkedCount);
        }
        if (head is { } recorded && (recorded.Sequence != expected - 1 || recorded.Hash != previous))
            return new AuditVerification(checkedCount, expected, AuditBreak.Truncated);
        return new AuditVerification(checkedCount, null, null);
    }
}
