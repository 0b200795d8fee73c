namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// A SoftHSM2 token (label "archive-test", PIN 1234) in a folder of its own, holding keys of the test PKI. Its configuration is
/// chosen through SOFTHSM2_CONF, which native code reads from the real process environment: whatever uses the token runs as a
/// child process with <see cref="Environment"/>.
/// </summary>
public sealed class SoftHsmToken
{
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Label = "archive-test";
    public const string Pin = "1234";

    private SoftHsmToken(string folder, string config)
    {
        Folder = folder;
        Config = config;
    }

    public string Folder { get; }
    private string Config { get; }

    /// <summary>SOFTHSM2_CONF, and the PIN where `archive` reads a key's secret (ARCHIVE_KEY_PASSWORD).</summary>
    public Dictionary<string, string> Environment(string pin = Pin) => new() { ["SOFTHSM2_CONF"] = Config, ["ARCHIVE_KEY_PASSWORD"] = pin };

    /// <param name="keys">The test PKI's key name, and the label and id it gets on the token.</param>
    public static SoftHsmToken Create(params (string Key, string Label, string Id)[] keys)
    {
        Tool.Require("softhsm2-util");
        Assert.That(File.Exists(Library), Is.True, $"{Library} is missing: install softhsm2 (scripts/debian-packages.txt).");
        var folder = SignatureFixtures.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "tokens"));
        var config = Path.Combine(folder, "softhsm2.conf");
        File.WriteAllText(config, $"directories.tokendir = {folder}/tokens\n");
        var token = new SoftHsmToken(folder, config);
        Tool.Run("softhsm2-util", ["--init-token", "--free", "--label", Label, "--pin", Pin, "--so-pin", "5678"], environment: token.Environment());
        foreach (var (key, label, id) in keys)
            Tool.Run("softhsm2-util", ["--import", Path.Combine(SignatureFixtures.Pki, key + ".key"), "--token", Label, "--label", label,
                "--id", id, "--pin", Pin], environment: token.Environment());
        return token;
    }

    /// <summary>A PEM file of the key's certificate and its issuing CA, for a token that holds no certificate.</summary>
    public string Chain(string key)
    {
        var path = Path.Combine(Folder, key + "-full-chain.pem");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(SignatureFixtures.Pki, key + ".cer"))
                                + File.ReadAllText(Path.Combine(SignatureFixtures.Pki, "issuing.cer")));
        return path;
    }

    /// <summary>What OpenSC's pkcs11-tool, another PKCS#11 client, says of the token's private keys.</summary>
    public string PrivateKeyObjects()
    {
        Tool.Require("pkcs11-tool");
        return Tool.Run("pkcs11-tool", ["--module", Library, "--token-label", Label, "--login", "--pin", Pin, "--list-objects",
            "--type", "privkey"], environment: Environment()).Output;
    }
}
