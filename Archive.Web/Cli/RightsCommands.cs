using System.CommandLine;
using Archive.Core.Access;

namespace Archive.Web.Cli;

/// <summary>`archive grant|revoke|grants`: rights on a dossier for a user or a unit, thin shells over the rights service.</summary>
public static class RightsCommands
{
    private static readonly Argument<string> Dossier = new("dossier") { Description = "Mã hồ sơ" };
    private static readonly Option<string?> User = new("--user") { Description = "Tài khoản được cấp" };
    private static readonly Option<string?> Unit = new("--unit") { Description = "Đơn vị (phòng, ban) của cơ quan lập hồ sơ được cấp" };

    public static Command Grant(CommandRunner runner)
    {
        var level = new Option<string>("--level")
        {
            Description = "Mức quyền: read (đọc), contribute (đóng góp), manage (quản lý)", Required = true,
        };
        var grant = new Command("grant", "Cấp quyền trên một hồ sơ (và các văn bản trong hồ sơ) cho một người dùng hoặc đơn vị")
        {
            Dossier, User, Unit, level,
        };
        runner.Bind(grant, (context, parse) =>
        {
            var granted = context.Rights.Grant(parse.GetValue(Dossier)!, parse.GetValue(User), parse.GetValue(Unit),
                parse.GetValue(level)!, context.Actor);
            context.Output.Item(granted,
                g => $"Đã cấp quyền {Permissions.Describe(g.Level)} trên hồ sơ {g.FileCode} cho {Grantee.Parse(g.Grantee).Display}.");
            return ExitCodes.Ok;
        });
        return grant;
    }

    public static Command Revoke(CommandRunner runner)
    {
        var revoke = new Command("revoke", "Thu hồi quyền trên một hồ sơ") { Dossier, User, Unit };
        runner.Bind(revoke, (context, parse) =>
        {
            var revoked = context.Rights.Revoke(parse.GetValue(Dossier)!, parse.GetValue(User), parse.GetValue(Unit), context.Actor);
            context.Output.Item(revoked,
                g => $"Đã thu hồi quyền {Permissions.Describe(g.Level)} trên hồ sơ {g.FileCode} của {Grantee.Parse(g.Grantee).Display}.");
            return ExitCodes.Ok;
        });
        return revoke;
    }

    public static Command Grants(CommandRunner runner)
    {
        var dossier = new Argument<string?>("dossier") { Description = "Mã hồ sơ (mặc định: mọi hồ sơ)", Arity = ArgumentArity.ZeroOrOne };
        var grants = new Command("grants", "Liệt kê quyền đã cấp trên hồ sơ") { dossier };
        runner.Bind(grants, (context, parse) =>
        {
            context.Output.List(context.Rights.Grants(parse.GetValue(dossier), context.Actor),
                g => $"{g.FileCode}  {Grantee.Parse(g.Grantee).Display}  {Permissions.Describe(g.Level)}  " +
                    $"(cấp bởi {g.GrantedBy}, {g.GrantedAt:dd/MM/yyyy})",
                "Chưa cấp quyền riêng nào.");
            return ExitCodes.Ok;
        });
        return grants;
    }
}
