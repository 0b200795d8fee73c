using System.Text.RegularExpressions;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>poppler's pdfsig, an independent validator, with an NSS database that trusts the test root.</summary>
public static partial class Pdfsig
{
    public sealed record Verdict(string Field, string SignatureValidation, string CertificateValidation, bool TotalDocumentSigned)
    {
        public bool SignatureValid => SignatureValidation.StartsWith("Signature is Valid", StringComparison.Ordinal);
    }

    private static readonly Lock Gate = new();
    private static string? _verifyingDatabase;
    private static string? _signingDatabase;

    /// <summary>An NSS database (made once per run, inside the fixture folder) in which the test root is trusted.</summary>
    public static string NssDatabase()
    {
        lock (Gate) return _verifyingDatabase ??= MakeDatabase([]);
    }

    /// <summary>A separate database holding the signers' keys, so that verification sees only the root.</summary>
    private static string SigningDatabase()
    {
        lock (Gate) return _signingDatabase ??= MakeDatabase(["personal", "organisation"]);
    }

    private static string MakeDatabase(string[] signers)
    {
        Tool.Require("certutil");
        Tool.Require("pk12util");
        var folder = SignatureFixtures.TempFolder();
        Tool.Run("certutil", ["-N", "-d", "sql:" + folder, "--empty-password"]);
        Tool.Run("certutil", ["-A", "-d", "sql:" + folder, "-n", "test-root", "-t", "CT,C,C", "-i", Path.Combine(SignatureFixtures.Pki, "root.cer")]);
        foreach (var signer in signers)
            Tool.Run("pk12util", ["-i", Path.Combine(SignatureFixtures.Pki, signer + ".p12"), "-d", "sql:" + folder, "-W", "test"]);
        return folder;
    }

    /// <summary>Signs with pdfsig itself: a second independent signer beside openssl.</summary>
    /// <param name="options">More pdfsig options, e.g. the passwords of an encrypted file (-opw, -upw).</param>
    public static void Sign(string input, string output, string nickname, params string[] options)
    {
        Tool.Require("pdfsig");
        Tool.Run("pdfsig", ["-nssdir", "sql:" + SigningDatabase(), "-add-signature", "-nick", nickname, .. options, input, output]);
    }

    public static IReadOnlyList<Verdict> Verify(string pdf)
    {
        Tool.Require("pdfsig");
        // pdfsig exits 0 even on "Digest Mismatch" (DESIGN.md 9): its text is the verdict.
        var (_, output) = Tool.Run("pdfsig", ["-nssdir", "sql:" + NssDatabase(), pdf], check: false);
        var verdicts = new List<Verdict>();
        foreach (var block in SignatureBlock().Split(output).Skip(1))
        {
            verdicts.Add(new Verdict(
                Line(block, "Signature Field Name") ?? "",
                Line(block, "Signature Validation") ?? "",
                Line(block, "Certificate Validation") ?? "",
                block.Contains("Total document signed", StringComparison.Ordinal)));
        }
        return verdicts;
    }

    private static string? Line(string block, string key)
    {
        var m = Regex.Match(block, $@"- {Regex.Escape(key)}: (.*)");
        return m.Success ? m.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"Signature #\d+:")]
    private static partial Regex SignatureBlock();
}
