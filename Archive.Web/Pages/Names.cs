using System.Globalization;
using Archive.Core.Catalog;

namespace Archive.Web.Pages;

/// <summary>Vietnamese names and Vietnam-time dates (dd/MM/yyyy HH:mm) the pages show for the catalog's states and times.</summary>
public static class Names
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static string Of(DateTimeOffset at, string format = "dd/MM/yyyy HH:mm") =>
        at.ToOffset(Vietnam).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An audit entry's time, kept as ISO 8601 text.</summary>
    public static string OfIso(string at, string format = "dd/MM/yyyy HH:mm") =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? Of(parsed, format) : at;

    public static string CopyStatus(Archive.Core.Copies.CopyRequestStatus status) => status switch
    {
        Archive.Core.Copies.CopyRequestStatus.Requested => "Chờ phê duyệt",
        Archive.Core.Copies.CopyRequestStatus.Approved => "Đã duyệt, chờ cấp",
        Archive.Core.Copies.CopyRequestStatus.Refused => "Từ chối",
        _ => "Đã cấp",
    };

    public static string JobName(string job) => job switch
    {
        "fixity" => "Kiểm tra toàn vẹn",
        "backup" => "Sao lưu",
        _ => job,
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => "thành công",
        "failed" => "có lỗi",
        "running" => "đang chạy",
        "interrupted" => "bị ngắt",
        _ => outcome,
    };

    /// <summary>What an audit entry records, in words; an action not named here is shown as its code.</summary>
    public static string Action(string action) => action switch
    {
        "archive.init" => "khởi tạo kho",
        "agency.create" => "thêm cơ quan",
        "agency.replicate" => "chép cơ quan sang kho cách ly",
        "fonds.create" => "thêm phông",
        "dossier.create" => "lập hồ sơ",
        "dossier.edit" => "sửa hồ sơ",
        "dossier.close" => "đóng hồ sơ",
        "dossier.reopen" => "mở lại hồ sơ",
        "dossier.read" => "xem hồ sơ hạn chế",
        "document.file" => "đưa văn bản vào hồ sơ",
        "document.preserve" => "tạo bản PDF/A bảo quản",
        "document.read" => "tải văn bản",
        "document.view" => "xem văn bản",
        "blob.repair" => "khôi phục tệp từ bản sao lưu",
        "inbox.receive" => "tiếp nhận văn bản đến",
        "inbox.receive-rejected" => "tiếp nhận văn bản không hợp lệ",
        "inbox.accept" => "đưa văn bản đến vào lưu trữ",
        "inbox.reject" => "trả lại văn bản đến",
        "search.restricted" => "tìm kiếm trong kho hạn chế",
        "rights.grant" => "cấp quyền trên hồ sơ",
        "rights.revoke" => "thu hồi quyền trên hồ sơ",
        "trust.add-anchor" => "thêm chứng thư gốc",
        "trust.add-crl" => "thêm danh sách thu hồi",
        "user.create" => "tạo tài khoản",
        "user.update" => "sửa tài khoản",
        "user.disable" => "vô hiệu hoá tài khoản",
        "user.enable" => "kích hoạt lại tài khoản",
        "user.unlock" => "mở khoá tài khoản",
        "user.reset-password" => "cấp mật khẩu dùng một lần",
        "user.change-password" => "đổi mật khẩu",
        "user.sign-in" => "đăng nhập",
        "user.sign-in-failed" => "đăng nhập sai",
        "user.locked" => "tạm khoá tài khoản",
        "token.create" => "tạo mã truy cập",
        "token.revoke" => "thu hồi mã truy cập",
        _ => action,
    };

    /// <summary>Which signature of a document it is, as a report names its kind.</summary>
    public static string SignatureKind(string kind) => kind switch
    {
        "personal" => "Chữ ký của người có thẩm quyền",
        "organisation" => "Chữ ký của cơ quan, tổ chức",
        "timestamp" => "Dấu thời gian",
        _ => "Chữ ký chưa xác định được loại",
    };

    /// <summary>An agency rule of a signature report (Điều 12 of the regulation), in words.</summary>
    public static string Rule(string id) => id switch
    {
        "no-modification-after-signing" => "Không có thay đổi trái phép sau khi ký",
        "two-signatures" => "Đủ hai chữ ký: người có thẩm quyền và cơ quan",
        "signing-date-equals-issue-date" => "Ngày ký số trùng ngày ban hành",
        "organisation-signature-position" => "Vị trí chữ ký số của cơ quan",
        _ => id,
    };

    /// <summary>A time a report keeps as ISO 8601 (Vietnam time), as dd/MM/yyyy HH:mm:ss.</summary>
    public static string OfIsoSeconds(string? at) => at is null ? "không rõ" : OfIso(at, "dd/MM/yyyy HH:mm:ss");

    /// <summary>A size as people read it (Vietnamese decimal comma): 550 byte, 12,3 KB, 1,2 MB, 3,4 GB.</summary>
    public static string Size(long bytes)
    {
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        return bytes switch
        {
            < 1024 => $"{bytes} byte",
            < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", vietnamese) + " KB",
            < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.#", vietnamese) + " MB",
            _ => (bytes / 1073741824.0).ToString("0.#", vietnamese) + " GB",
        };
    }

    /// <summary>
    /// Who a certificate names: its common name, with the organisation when it is another; the whole distinguished name when
    /// it cannot be read.
    /// </summary>
    public static string Person(string distinguishedName)
    {
        try
        {
            var parts = new System.Security.Cryptography.X509Certificates.X500DistinguishedName(distinguishedName)
                .EnumerateRelativeDistinguishedNames().Select(r => (Oid: r.GetSingleElementType().Value, Value: r.GetSingleElementValue()))
                .ToList();
            var name = parts.FirstOrDefault(p => p.Oid == "2.5.4.3").Value;
            var organisation = parts.FirstOrDefault(p => p.Oid == "2.5.4.10").Value;
            return name is null ? distinguishedName : organisation is null || organisation == name ? name : $"{name} ({organisation})";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return distinguishedName;
        }
    }

    /// <summary>What an alert is about, in words.</summary>
    public static string AlertKind(string kind) => kind switch
    {
        "access.rights-changed" => "thay đổi quyền",
        "airgap.failed" => "kho hạn chế không còn cách ly mạng",
        "fixity.changed" => "tệp bị thay đổi",
        "fixity.missing" => "tệp bị mất",
        _ => kind,
    };

    /// <summary>Whether an account can sign in now, in words.</summary>
    public static string Of(Archive.Core.Access.UserAccount account, DateTimeOffset now) =>
        !account.Enabled ? "đã vô hiệu hoá"
        : account.IsLockedAt(now) ? $"tạm khoá đến {Of(account.LockedUntil!.Value, "HH:mm dd/MM/yyyy")}"
        : account.MustChangePassword ? "chờ đổi mật khẩu"
        : "đang hoạt động";

    public static string Of(DossierStatus status) => DossierStatusName.Of(status);
}
