using System.Globalization;
using System.Text;
using Archive.Ingest.Signatures;

namespace Archive.Web.Cli;

/// <summary>The readable Vietnamese report of `archive verify`: the file's verdict, then one block per signature, verdict first.</summary>
public static class VerifyText
{
    public static string Describe(FileVerificationReport report, string shownName)
    {
        var text = new StringBuilder();
        text.AppendLine($"{shownName}: {report.Indication.Vietnamese} ({report.Indication.Name})");
        text.AppendLine($"  SHA-256: {report.Sha256}");
        foreach (var message in report.Messages) text.AppendLine($"  {message}");
        if (report.Rules.Any(r => r.Id == RuleResult.NoModificationAfterSigning && !r.Passed))
            text.AppendLine("  CẢNH BÁO: TÀI LIỆU BỊ SỬA ĐỔI SAU KHI KÝ.");
        var number = 0;
        foreach (var s in report.Signatures)
        {
            number++;
            text.AppendLine();
            text.AppendLine($"  Chữ ký {number} ({s.Field}): {s.Indication.Vietnamese} — {s.Indication.Name}{(s.SubIndication is { } sub ? "/" + sub.Name : "")}");
            if (s.SubIndication is { } why) text.AppendLine($"    Lý do: {why.Explanation}");
            if (s.Signer is { } signer)
            {
                text.AppendLine($"    Người ký: {signer.CommonName} ({Kind(s.Kind)})");
                text.AppendLine($"    Chứng thư: {signer.Subject}; cấp bởi {signer.Issuer}; số hiệu {signer.Serial}");
            }
            if (s.SigningTime is { } time)
                text.AppendLine($"    Thời điểm ký: {time.ToOffset(AgencyRules.VietnamOffset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)} (giờ Việt Nam, " +
                                (s.TimeSource == TimeSource.Timestamp ? "theo dấu thời gian)" : "do người ký khai báo)"));
            text.AppendLine($"    Phạm vi: {(s.CoversWholeDocument ? "toàn bộ tài liệu" : "một phiên bản trước của tài liệu")}; thay đổi sau khi ký: {Modification(s.ModificationsAfter)}");
            foreach (var change in s.Changes) text.AppendLine($"      - {change}");
            foreach (var message in s.Messages) text.AppendLine($"    • {message}");
        }
        if (report.Rules.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("  Quy tắc:");
            foreach (var r in report.Rules)
                text.AppendLine($"    [{(r.Passed ? "ĐẠT" : r.Mandatory ? "KHÔNG ĐẠT" : "CẢNH BÁO")}] {r.Id}: {r.Message}");
        }
        return text.ToString().TrimEnd();
    }

    private static string Kind(SignerKind kind) => kind switch
    {
        SignerKind.Personal => "chữ ký cá nhân",
        SignerKind.Organisation => "chữ ký của cơ quan, tổ chức",
        SignerKind.Timestamp => "dấu thời gian",
        _ => "chưa xác định",
    };

    private static string Modification(ModificationLevel level) => level switch
    {
        ModificationLevel.None => "không có",
        ModificationLevel.Allowed => "có, được phép (chữ ký sau, DSS, điền biểu mẫu, chú thích)",
        _ => "CÓ THAY ĐỔI KHÔNG ĐƯỢC PHÉP",
    };
}
