using System.CommandLine;
using Archive.Core.Access;
using Archive.Core.Application;

namespace Archive.Web.Cli;

/// <summary>
/// `archive user create|list|show|disable|enable|reset-password|unlock|password|token`: thin shells over <see cref="AccountService"/>.
/// </summary>
public static class AccountCommands
{
    public static Command User(CommandRunner runner)
    {
        var login = new Argument<string>("login") { Description = "Tên đăng nhập" };
        var fullName = new Option<string>("--full-name") { Description = "Họ và tên", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Mã định danh cơ quan" };
        var unit = new Option<string?>("--unit") { Description = "Đơn vị (phòng, ban)" };
        var roles = new Option<string[]>("--role")
        {
            Description = "Vai trò (lặp lại được): quan-tri, van-thu, lanh-dao, chuyen-vien, luu-tru-vien", Required = true,
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Đọc mật khẩu từ đầu vào chuẩn (mặc định: tạo mật khẩu dùng một lần, phải đổi khi đăng nhập lần đầu)",
        };
        var create = new Command("create", "Tạo tài khoản") { login, fullName, agency, unit, roles, passwordStdin };
        runner.Bind(create, (context, parse) =>
        {
            var password = parse.GetValue(passwordStdin) ? context.Input.ReadLine() ?? "" : null;
            var issued = context.Accounts.Create(new NewAccount(parse.GetValue(login)!, parse.GetValue(fullName)!, parse.GetValue(agency),
                parse.GetValue(unit), parse.GetValue(roles)!, password), context.Actor);
            context.Output.Item(Json(issued.Account, issued.Password),
                _ => $"Đã tạo tài khoản {Describe(issued.Account)}." + OneTime(issued));
            return ExitCodes.Ok;
        });

        var newName = new Option<string?>("--full-name") { Description = "Họ và tên mới" };
        var newAgency = new Option<string?>("--agency") { Description = "Mã định danh cơ quan mới" };
        var newUnit = new Option<string?>("--unit") { Description = "Đơn vị mới (chuỗi rỗng: không thuộc đơn vị nào)" };
        var newRoles = new Option<string[]>("--role") { Description = "Vai trò mới, thay toàn bộ vai trò cũ (lặp lại được)" };
        var update = new Command("update", "Sửa tài khoản: họ tên, cơ quan, đơn vị, vai trò (thay đổi quyền được cảnh báo)")
        {
            login, newName, newAgency, newUnit, newRoles,
        };
        runner.Bind(update, (context, parse) => Print(context, context.Accounts.Update(parse.GetValue(login)!, parse.GetValue(newName),
            parse.GetValue(newAgency), parse.GetValue(newUnit), parse.GetValue(newRoles) is { Length: > 0 } roles ? roles : null, context.Actor),
            "Đã sửa"));

        var list = new Command("list", "Liệt kê tài khoản");
        runner.Bind(list, (context, _) =>
        {
            foreach (var account in context.Accounts.List(context.Actor)) context.Output.Item(Json(account), _ => Describe(account));
            return ExitCodes.Ok;
        });

        var show = new Command("show", "Xem một tài khoản") { login };
        runner.Bind(show, (context, parse) =>
        {
            var account = context.Accounts.Show(parse.GetValue(login)!, context.Actor);
            context.Output.Item(Json(account), _ => Describe(account));
            return ExitCodes.Ok;
        });

        var disable = new Command("disable", "Vô hiệu hoá tài khoản (bị từ chối ở mọi nơi)") { login };
        runner.Bind(disable, (context, parse) =>
            Print(context, context.Accounts.Disable(parse.GetValue(login)!, context.Actor), "Đã vô hiệu hoá"));
        var enable = new Command("enable", "Kích hoạt lại tài khoản") { login };
        runner.Bind(enable, (context, parse) =>
            Print(context, context.Accounts.Enable(parse.GetValue(login)!, context.Actor), "Đã kích hoạt lại"));
        var unlock = new Command("unlock", "Mở khoá tài khoản bị tạm khoá do nhập sai mật khẩu") { login };
        runner.Bind(unlock, (context, parse) =>
            Print(context, context.Accounts.Unlock(parse.GetValue(login)!, context.Actor), "Đã mở khoá"));

        var reset = new Command("reset-password", "Đặt mật khẩu dùng một lần (người dùng phải đổi khi đăng nhập)") { login };
        runner.Bind(reset, (context, parse) =>
        {
            var issued = context.Accounts.ResetPassword(parse.GetValue(login)!, context.Actor);
            context.Output.Item(Json(issued.Account, issued.Password),
                _ => $"Đã đặt lại mật khẩu cho {issued.Account.Login}." + OneTime(issued));
            return ExitCodes.Ok;
        });

        var password = new Command("password",
            "Đổi mật khẩu của mình (--as TÊN): đọc mật khẩu hiện tại rồi mật khẩu mới, mỗi dòng một, từ đầu vào chuẩn");
        runner.Bind(password, (context, _) =>
        {
            var current = context.Input.ReadLine() ?? "";
            var next = context.Input.ReadLine() ?? "";
            var account = context.Accounts.ChangePassword(context.Actor.Name, current, next, context.Actor);
            return Print(context, account, "Đã đổi mật khẩu cho");
        });
        return new Command("user", "Tài khoản người dùng")
        {
            create, update, list, show, disable, enable, unlock, reset, password, Tokens(runner),
        };
    }

    private static Command Tokens(CommandRunner runner)
    {
        var name = new Argument<string>("name") { Description = "Tên gợi nhớ của mã truy cập (ví dụ: máy quét văn thư)" };
        var scopes = new Option<string[]>("--scope") { Description = "Phạm vi (lặp lại được): doc, ghi, quan-tri", Required = true };
        var days = new Option<int>("--days")
        {
            Description = "Số ngày hiệu lực (mặc định 90, tối đa 365)", DefaultValueFactory = _ => AccountService.DefaultTokenDays,
        };
        var create = new Command("create", "Tạo mã truy cập cá nhân cho ứng dụng (chỉ hiện một lần)") { name, scopes, days };
        runner.Bind(create, (context, parse) =>
        {
            var issued = context.Accounts.CreateToken(parse.GetValue(name)!, parse.GetValue(scopes)!, parse.GetValue(days), context.Actor);
            context.Output.Item(TokenSummary.Of(issued.Token, issued.Secret),
                t => $"Mã truy cập {t.Id} (hết hạn {t.ExpiresAt:dd/MM/yyyy}); chỉ hiện một lần, " +
                    $"hãy lưu lại ngay:{Environment.NewLine}{t.Token}");
            return ExitCodes.Ok;
        });
        var owner = new Option<string?>("--user") { Description = "Của tài khoản khác (quản trị)" };
        var list = new Command("list", "Liệt kê mã truy cập") { owner };
        runner.Bind(list, (context, parse) =>
        {
            context.Output.List(context.Accounts.Tokens(parse.GetValue(owner), context.Actor).Select(t => TokenSummary.Of(t)).ToList(), t =>
                    $"{t.Id}  {t.Name}  [{string.Join(", ", t.Scopes)}]  hết hạn {t.ExpiresAt:dd/MM/yyyy}" +
                    (t.RevokedAt is { } at ? $"  ĐÃ THU HỒI {at:dd/MM/yyyy}" : ""),
                "Chưa có mã truy cập nào.");
            return ExitCodes.Ok;
        });
        var id = new Argument<string>("id") { Description = "Mã số của mã truy cập" };
        var revoke = new Command("revoke", "Thu hồi mã truy cập") { id };
        runner.Bind(revoke, (context, parse) =>
        {
            context.Output.Item(TokenSummary.Of(context.Accounts.RevokeToken(parse.GetValue(id)!, context.Actor)),
                t => $"Đã thu hồi mã truy cập {t.Id} ({t.Name}).");
            return ExitCodes.Ok;
        });
        return new Command("token", "Mã truy cập cá nhân (API token)") { create, list, revoke };
    }

    private static int Print(CliContext context, UserAccount account, string verb)
    {
        context.Output.Item(Json(account), _ => $"{verb} tài khoản {Describe(account)}.");
        return ExitCodes.Ok;
    }

    private static AccountSummary Json(UserAccount a, string? oneTimePassword = null) => AccountSummary.Of(a, oneTimePassword);

    private static string Describe(UserAccount a) =>
        $"{a.Login} — {a.FullName}, {string.Join(", ", a.RoleSet.Select(r => r.Name))}" +
        (a.Agency is { } agency ? $", cơ quan {agency}" : "") + (a.Unit is { } unit ? $", {unit}" : "") +
        (a.Enabled ? "" : " [ĐÃ VÔ HIỆU HOÁ]") + (a.LockedUntil is { } until ? $" [tạm khoá đến {until:HH:mm dd/MM/yyyy}]" : "");

    private static string OneTime(IssuedPassword issued) => issued.Password is { } password
        ? $"{Environment.NewLine}Mật khẩu dùng một lần (chỉ hiện lần này; phải đổi khi đăng nhập lần đầu): {password}"
        : "";
}
