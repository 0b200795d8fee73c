using System.CommandLine;
using Archive.Ingest.Signatures;

namespace Archive.Web.Cli;

/// <summary>
/// `archive verify FILE...`: validates every signature of each file (DESIGN.md 4) and prints one
/// report per file. Its exit codes are its own: 0 all TOTAL_PASSED, 1 any TOTAL_FAILED,
/// 2 any INDETERMINATE (none failed), 3 a file without signature, 64 usage or I/O error.
/// </summary>
public static class VerifyCommand
{
    public const int AllPassed = 0;
    public const int AnyFailed = 1;
    public const int AnyIndeterminate = 2;
    public const int NoSignature = 3;

    public static Command Create(CommandRunner runner)
    {
        var files = new Argument<FileInfo[]>("file") { Description = "Tệp cần kiểm tra (PDF, hoặc tệp bất kỳ có chữ ký tách rời TỆP.p7s)", Arity = ArgumentArity.OneOrMore };
        var trust = new Option<DirectoryInfo?>("--trust") { Description = "Thư mục chứng thư gốc tin cậy (mặc định: <dữ liệu>/trust/anchors)" };
        var crl = new Option<DirectoryInfo?>("--crl") { Description = "Thư mục CRL (mặc định: <dữ liệu>/trust/crls)" };
        var policy = new Option<string>("--policy") { Description = "Chính sách: basic (mặc định) hoặc agency (thêm quy định Điều 12, 13)", DefaultValueFactory = _ => "basic" };
        policy.AcceptOnlyFromAmong("basic", "agency");
        var verify = new Command("verify", "Kiểm tra chữ ký số: toàn vẹn, người ký, chuỗi chứng thư, thu hồi, sửa đổi sau khi ký") { files, trust, crl, policy };
        runner.Bind(verify, async (context, parse, cancellationToken) =>
        {
            ValidationPolicy.TryParse(parse.GetValue(policy), out var chosen);
            var anchors = parse.GetValue(trust)?.FullName ?? context.Folder.TrustAnchors;
            var crls = parse.GetValue(crl)?.FullName ?? context.Folder.TrustCrls;
            TrustStore store;
            try
            {
                store = await TrustStore.LoadAsync(anchors, crls, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException(e.Message);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new UserInputException($"Không tìm thấy thư mục tin cậy '{e.Message}'. Dùng --trust và --crl, hoặc đặt chứng thư gốc vào {context.Folder.TrustAnchors}.");
            }
            if (store.Anchors.Count == 0)
                throw new UserInputException($"Thư mục '{anchors}' không có chứng thư gốc tin cậy nào.");
            var targets = parse.GetValue(files)!;
            foreach (var file in targets)
                if (!file.Exists) throw new UserInputException($"Không tìm thấy tệp '{file.FullName}'.");

            var verifier = new DocumentVerifier(store, chosen, context.Clock, context.Log);
            var indications = new List<SignatureIndication>();
            // Files are verified in parallel (bounded by the cores) and reported in the order given.
            using var slots = new SemaphoreSlim(Environment.ProcessorCount);
            var pending = targets.Select(async file =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await Task.Run(() => verifier.VerifyAsync(file.FullName, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            for (var i = 0; i < targets.Length; i++)
            {
                var report = await pending[i].ConfigureAwait(false);
                var shown = targets[i].ToString();
                context.Output.Item(VerifyJson.From(report, shown), _ => VerifyText.Describe(report, shown));
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
}
