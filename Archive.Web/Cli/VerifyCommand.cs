using System.CommandLine;
using Archive.Ingest.Signatures;

namespace Archive.Web.Cli;

/// <summary>
/// `archive verify FILE...` and `archive verify --document ID...`: validates every signature of each file, or of each archived
/// document's original (DESIGN.md 4), and prints one report per file. Its exit codes are its own: 0 all TOTAL_PASSED,
/// 1 any TOTAL_FAILED, 2 any INDETERMINATE (none failed), 3 a file without signature, 64 usage or I/O error.
/// </summary>
public static class VerifyCommand
{
    public const int AllPassed = 0;
    public const int AnyFailed = 1;
    public const int AnyIndeterminate = 2;
    public const int NoSignature = 3;

    public static Command Create(CommandRunner runner)
    {
        var files = new Argument<FileInfo[]>("file")
        {
            Description = "Tệp cần kiểm tra (PDF, hoặc tệp bất kỳ có chữ ký tách rời TỆP.p7s)", Arity = ArgumentArity.ZeroOrMore,
        };
        var documents = new Option<string[]>("--document") { Description = "Mã văn bản trong kho: kiểm tra bản gốc đã lưu (lặp lại được)" };
        var trust = new Option<DirectoryInfo?>("--trust") { Description = "Thư mục chứng thư gốc tin cậy (mặc định: <dữ liệu>/trust/anchors)" };
        var crl = new Option<DirectoryInfo?>("--crl") { Description = "Thư mục CRL (mặc định: <dữ liệu>/trust/crls)" };
        var policy = new Option<string>("--policy")
        {
            Description = "Chính sách: basic (mặc định) hoặc agency (thêm quy định Điều 12, 13)", DefaultValueFactory = _ => "basic",
        };
        policy.AcceptOnlyFromAmong("basic", "agency");
        var verify = new Command("verify", "Kiểm tra chữ ký số: toàn vẹn, người ký, chuỗi chứng thư, thu hồi, sửa đổi sau khi ký")
        {
            files, documents, trust, crl, policy,
        };
        verify.Validators.Add(result =>
        {
            if (result.GetValue(files) is not { Length: > 0 } && result.GetValue(documents) is not { Length: > 0 })
                result.AddError("Cần ít nhất một tệp, hoặc --document MÃ.");
        });
        runner.Bind(verify, async (context, parse, cancellationToken) =>
        {
            ValidationPolicy.TryParse(parse.GetValue(policy), out var chosen);
            var verification = context.Get<SignatureVerification>();
            var (store, hint) = await verification.TrustOrNoneAsync(parse.GetValue(trust)?.FullName, parse.GetValue(crl)?.FullName,
                cancellationToken).ConfigureAwait(false);
            if (hint is not null) context.Output.Progress().Report($"Lưu ý: {hint}");
            var targets = parse.GetValue(files) ?? [];
            var indications = new List<SignatureIndication>();
            void Print(FileVerificationReport report, string shown)
            {
                context.Output.Item(SignatureReportJson.From(report, shown), _ => VerifyText.Describe(report, shown));
                indications.Add(report.Indication);
            }
            var index = 0;
            await foreach (var report in verification.VerifyFilesAsync(targets.Select(f => f.FullName).ToList(), store, chosen,
                               cancellationToken).ConfigureAwait(false))
                Print(report, targets[index++].ToString());
            foreach (var id in parse.GetValue(documents) ?? [])
                Print(await context.Get<StoredDocumentVerification>().VerifyAsync(id, store, chosen, context.Actor, cancellationToken)
                    .ConfigureAwait(false), id);
            return ExitCode(indications);
        });
        return verify;
    }

    public static int ExitCode(IReadOnlyCollection<SignatureIndication> indications) =>
        indications.Contains(SignatureIndication.TotalFailed) ? AnyFailed
        : indications.Contains(SignatureIndication.Indeterminate) ? AnyIndeterminate
        : indications.Contains(SignatureIndication.NoSignature) ? NoSignature
        : AllPassed;
}
