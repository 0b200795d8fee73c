using System.CommandLine;
using Archive.Core.Trust;

namespace Archive.Web.Cli;

/// <summary>`archive trust add-anchor|add-crl|list`: what the signature validator trusts.</summary>
public static class TrustCommands
{
    public static Command Create(CommandRunner runner)
    {
        var list = new Command("list", "Liệt kê chứng thư gốc tin cậy và danh sách thu hồi");
        runner.Bind(list, (context, _) =>
        {
            context.Output.List(context.Get<TrustFolder>().List(context.Actor), Describe, "Kho tin cậy đang trống.");
            return ExitCodes.Ok;
        });
        return new Command("trust", "Kho tin cậy: chứng thư số gốc (trust/anchors) và CRL (trust/crls)")
        {
            Add(runner, "add-anchor", "Thêm chứng thư số gốc được tin cậy (DER hoặc PEM)", TrustMaterialKind.Anchor),
            Add(runner, "add-crl", "Thêm danh sách chứng thư số bị thu hồi (CRL, DER hoặc PEM)", TrustMaterialKind.Crl),
            list,
        };
    }

    private static Command Add(CommandRunner runner, string name, string description, TrustMaterialKind kind)
    {
        var file = new Argument<FileInfo>("file");
        var storedName = new Option<string?>("--name") { Description = "Tên tệp trong kho tin cậy (mặc định: tên tệp gốc)" };
        var command = new Command(name, description) { file, storedName };
        runner.Bind(command, (context, parse) =>
        {
            var added = context.Get<TrustFolder>().Add(kind, parse.GetValue(file)!.FullName,
                parse.GetValue(storedName), context.Actor);
            context.Output.Item(added, m => $"Đã thêm vào kho tin cậy: {Describe(m)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(TrustMaterial m) =>
        $"{(m.Kind == TrustMaterialKind.Anchor ? "gốc" : "CRL")}  {m.Name}  {m.Subject}  sha256:{m.Sha256[..16]}…" +
        (m.NotAfter is { } until ? $"  hết hạn {until:dd/MM/yyyy}" : "");
}
