using System.CommandLine;
using Archive.Ingest.Signing;

namespace Archive.Web.Cli;

/// <summary>Where the signing key is, as `archive sign` and `archive copy make` take it: a PKCS#12 file or a PKCS#11 token.</summary>
public sealed class SigningKeyOptions
{
    private readonly Option<FileInfo?> _key = new("--key") { Description = "Tệp khoá PKCS#12 (.p12/.pfx)" };
    private readonly Option<string?> _pkcs11 = new("--pkcs11")
    {
        Description = "Thư viện PKCS#11 của thiết bị ký (token), ví dụ /usr/lib/softhsm/libsofthsm2.so",
    };
    private readonly Option<string?> _token = new("--token") { Description = "Nhãn thiết bị ký (PKCS#11)" };
    private readonly Option<string?> _keyLabel = new("--key-label") { Description = "Nhãn khoá trên thiết bị ký (PKCS#11)" };
    private readonly Option<FileInfo?> _certificate = new("--cert")
    {
        Description = "Chứng thư số (PEM, chứng thư người ký trước rồi đến CA) khi thiết bị ký không lưu chứng thư",
    };
    private readonly Option<string?> _password = new("--password")
    {
        Description = "Mật khẩu tệp khoá hoặc mã PIN thiết bị ký (nên dùng biến môi trường ARCHIVE_KEY_PASSWORD)",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _key, _pkcs11, _token, _keyLabel, _certificate, _password }) command.Options.Add(option);
    }

    /// <summary>The key the options name, or null when they name none (neither --key nor --pkcs11).</summary>
    public SigningKeySource? SourceIfGiven(ParseResult parse) =>
        parse.GetValue(_key) is null && parse.GetValue(_pkcs11) is null ? null : Source(parse);

    public SigningKeySource Source(ParseResult parse) =>
        new(parse.GetValue(_key)?.FullName, parse.GetValue(_pkcs11), parse.GetValue(_token), parse.GetValue(_keyLabel),
            parse.GetValue(_certificate)?.FullName,
            parse.GetValue(_password) ?? Environment.GetEnvironmentVariable("ARCHIVE_KEY_PASSWORD") ?? "");
}
