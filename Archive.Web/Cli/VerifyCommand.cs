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
            TrustStore store;
            try
            {
                store = await verification.TrustAsync(parse.GetValue(trust)?.FullName, parse.GetValue(crl)?.FullName, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException(e.Message);
            }
            var targets = parse.GetValue(files) ?? [];
            foreach (var file in targets)
                if (!file.Exists) throw new UserInputException($"Không tìm thấy tệp '{file.FullName}'.");
            // Files are verified in parallel (bounded by the cores) and reported in the order given; stored documents after them.
            using var slots = new SemaphoreSlim(Environment.ProcessorCount);
            var pending = targets.Select(file => (Shown: file.ToString(), Report: Bounded(slots,
                    () => verification.VerifyFileAsync(file.FullName, store, chosen, cancellationToken), cancellationToken)))
                .Concat((parse.GetValue(documents) ?? []).Select(id => (Shown: id, Report: Bounded(slots,
                    () => context.Get<StoredDocumentVerification>().VerifyAsync(id, store, chosen, context.Actor, cancellationToken), cancellationToken))))
                .ToList();
            var indications = new List<SignatureIndication>();
            foreach (var (shown, running) in pending)
            {
                var report = await running.ConfigureAwait(false);
                context.Output.Item(SignatureReportJson.From(report, shown), _ => VerifyText.Describe(report, shown));
                indications.Add(report.Indication);
            }
            return ExitCode(indications);
        });
        return verify;
    }

    public static int ExitCode(IReadOnlyCollection<SignatureIndication> indications) =>
        indications.Contains(SignatureIndication.TotalFailed) ? AnyFailed
        : indications.Contains(SignatureIndication.Indeterminate) ? AnyIndeterminate
        : indications.Contains(SignatureIndication.NoSignature) ? NoSignature
        : AllPassed;

    private static async Task<FileVerificationReport> Bounded(SemaphoreSlim slots, Func<Task<FileVerificationReport>> verify,
        CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(verify, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
