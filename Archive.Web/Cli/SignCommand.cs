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
            if (!SignaturePlacement.TryParse(parse.GetValue(position), out var placement))
                throw new UserInputException("--position phải là invisible, top-right hoặc TRANG:TRÁI,DƯỚI,PHẢI,TRÊN.");
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            if (!source.Exists) throw new UserInputException($"Không tìm thấy tệp '{source.FullName}'.");
            if (source.FullName == target.FullName) throw new UserInputException("Tệp ký ra phải khác tệp gốc.");
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("ARCHIVE_KEY_PASSWORD") ?? "";
            using var signingKey = LoadKey();
            using var http = parse.GetValue(tsa) is null ? null : new HttpClient();
            var authority = parse.GetValue(tsa) is { } url ? new HttpTimestampAuthority(http!, url) : null;
            SigningResult result;
            try
            {
                result = await new PadesSigner(context.Clock, context.Log)
                    .SignAsync(source.FullName, target.FullName, signingKey, placement, authority, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException(e.Message);
            }
            context.Output.Item(result, r => $"Đã ký {target} (trường {r.FieldName}, {r.SigningTime:dd/MM/yyyy HH:mm:ss} giờ Việt Nam" +
                                             (r.Timestamped ? ", có dấu thời gian)." : ")."));
            return ExitCodes.Ok;

            ISigningKey LoadKey()
            {
                var file = parse.GetValue(key);
                var library = parse.GetValue(pkcs11);
                if ((file is null) == (library is null))
                    throw new UserInputException("Chọn đúng một nguồn khoá: --key TỆP.p12 hoặc --pkcs11 THƯ_VIỆN --token NHÃN --key-label NHÃN.");
                try
                {
                    if (file is not null) return Pkcs12SigningKey.Load(file.FullName, secret);
                    var tokenLabel = parse.GetValue(token) ?? throw new UserInputException("--pkcs11 cần --token.");
                    var label = parse.GetValue(keyLabel) ?? throw new UserInputException("--pkcs11 cần --key-label.");
                    return Pkcs11SigningKey.Open(library!, tokenLabel, label, secret, parse.GetValue(certificate)?.FullName);
                }
                catch (InvalidDataException e)
                {
                    throw new UserInputException(e.Message);
                }
            }
        });
        return sign;
    }
}
