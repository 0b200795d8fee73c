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
        var keys = new SigningKeyOptions();
        var position = new Option<string?>("--position") { Description = "invisible (mặc định), top-right, hoặc TRANG:TRÁI,DƯỚI,PHẢI,TRÊN (điểm PDF)" };
        var tsa = new Option<Uri?>("--tsa") { Description = "Địa chỉ dịch vụ cấp dấu thời gian RFC 3161 (tuỳ chọn)" };
        var sign = new Command("sign", "Ký số tệp PDF (PAdES, ký bổ sung không sửa bản gốc)") { input, output, position, tsa };
        keys.AddTo(sign);
        runner.Bind(sign, async (context, parse, cancellationToken) =>
        {
            var source = keys.Source(parse);
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
