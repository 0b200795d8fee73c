using Archive.Core.Application;

namespace Archive.Web.Cli;

/// <summary>Tells, once, how to sign in as the first administrator of a new archive.</summary>
public static class FirstAdministrator
{
    public static void Announce(CliContext context, IssuedPassword first) =>
        context.Output.Item(
            new { login = first.Account.Login, oneTimePassword = first.Password, signIn = $"{context.Settings.Urls}/dang-nhap" }, r =>
            $"Tài khoản quản trị đầu tiên: {r.login}, mật khẩu dùng một lần: {r.oneTimePassword}{Environment.NewLine}" +
            $"  Mật khẩu chỉ hiện lần này; phải đổi khi đăng nhập lần đầu tại {r.signIn} (hoặc 'archive user password --as {r.login}').");
}
