using System.CommandLine;
using Archive.Ingest.Signing;

namespace Archive.Web.Cli;

/// <summary>
/// `archive sign IN OUT --key FILE.p12`: adds a PAdES signature to a PDF as an incremental update
/// (the original is never modified). The key is a PKCS#12 file or a key on a PKCS#11 token; its password
/// or PIN comes from $ARCHIVE_KEY_PASSWORD, or --password.
/// </summary>
public static class SignCommand
{
    public static Command Create(CommandRunner runner)
    {
        var input = new Argument<FileInfo>("in") { Description = "Tệp PDF cần ký" };
        var output = new Argument<FileInfo>("out") { Description = "Tệp PDF đã ký (tệp mới; tệp gốc giữ nguyên)" };
        var key = new Option<FileInfo?>("--key") { Description = "Tệp khoá PKCS#12 (.p12/.pfx)" };
        var pkcs11 = new Option<string?>("--pkcs11") { Description = "Thư viện PKCS#11 của thiết bị ký (token), ví dụ /usr/lib/softhsm/libsofthsm2.so" };
        var token = new Option<string?>("--token") { Description = "Nhãn thiết bị ký (PKCS#11)" };
        var keyLabel = new Option<string?>("--key-label") { Description = "Nhãn khoá trên thiết bị ký (PKCS#11)" };
        var certificate = new Option<FileInfo?>("--cert") { Description = "Chứng thư số (PEM, chứng thư người ký trước rồi đến CA) khi thiết bị ký không lưu chứng thư" };
        var password = new Option<string?>("--password") { Description = "Mật khẩu tệp khoá hoặc mã PIN thiết bị ký (nên dùng biến môi trường ARCHIVE_KEY_PASSWORD)" };
        var position = new Option<string?>("--position") { Description = "invisible (mặc định), top-right, hoặc TRANG:TRÁI,DƯỚI,PHẢI,TRÊN (điểm PDF)" };
        var tsa = new Option<Uri?>("--tsa") { Description = "Địa chỉ dịch vụ cấp dấu thời gian RFC 3161 (tuỳ chọn)" };
        var sign = new Command("sign", "Ký số tệp PDF (PAdES, ký bổ sung không sửa bản gốc)") { input, output, key, pkcs11, token, keyLabel, certificate, password, position, tsa };
        runner.Bind(sign, async (context, parse, cancellationToken) =>
        {
            var source = new SigningKeySource(parse.GetValue(key)?.FullName, parse.GetValue(pkcs11), parse.GetValue(token),
                parse.GetValue(keyLabel), parse.GetValue(certificate)?.FullName,
                parse.GetValue(password) ?? Environment.GetEnvironmentVariable("ARCHIVE_KEY_PASSWORD") ?? "");
            var target = parse.GetValue(output)!;
            var result = await context.Get<DocumentSigning>().SignAsync(parse.GetValue(input)!.FullName, target.FullName, source,
                parse.GetValue(position), parse.GetValue(tsa), cancellationToken).ConfigureAwait(false);
            context.Output.Item(result, r => $"Đã ký {target} (trường {r.FieldName}, {r.SigningTime:dd/MM/yyyy HH:mm:ss} giờ Việt Nam" +
                                             (r.Timestamped ? ", có dấu thời gian)." : ")."));
            return ExitCodes.Ok;
        });
        return sign;
    }
}
