using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Catalog;

namespace Archive.Web.Cli;

/// <summary>`archive agency|fonds|dossier ...`: thin shells over <see cref="CatalogService"/>.</summary>
public static class CatalogCommands
{
    public static Command Agency(CommandRunner runner)
    {
        var code = new Argument<string>("code") { Description = "Mã định danh cơ quan, ví dụ 000.00.00.H42" };
        var name = new Option<string>("--name") { Description = "Tên cơ quan", Required = true };
        var parent = new Option<string?>("--parent") { Description = "Mã định danh cơ quan cấp trên" };
        var create = new Command("create", "Thêm cơ quan vào danh mục") { code, name, parent };
        runner.Bind(create, (context, parse) =>
        {
            var agency = Service(context).CreateAgency(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(parent), context.Actor);
            context.Output.Item(agency, a => $"Đã thêm cơ quan {a.Code} — {a.Name}.");
            return ExitCodes.Ok;
        });

        var list = new Command("list", "Liệt kê cơ quan");
        runner.Bind(list, (context, _) =>
        {
            context.Output.List(Service(context).Agencies(context.Actor), a => $"{a.Code}  {a.Name}", "Danh mục chưa có cơ quan nào.");
            return ExitCodes.Ok;
        });

        var showCode = new Argument<string>("code");
        var show = new Command("show", "Xem một cơ quan") { showCode };
        runner.Bind(show, (context, parse) =>
        {
            context.Output.Item(Service(context).Agency(parse.GetValue(showCode)!, context.Actor),
                a => $"{a.Code}  {a.Name}  (cấp trên: {a.ParentCode ?? "—"})");
            return ExitCodes.Ok;
        });
        return new Command("agency", "Cơ quan (mã định danh theo QCVN 102:2016)") { create, list, show };
    }

    public static Command Fonds(CommandRunner runner)
    {
        var create = new Command("create", "Thêm phông lưu trữ (các trường TT 02 mục 3)") { MetadataInput.File, MetadataInput.Set };
        runner.Bind(create, (context, parse) =>
        {
            var fonds = Service(context).CreateFonds(MetadataInput.Read(parse, CatalogService.FondsTags), context.Actor);
            context.Output.Item(fonds, f => $"Đã thêm phông {f.OrganId} — {f.FondName}.");
            return ExitCodes.Ok;
        });
        var list = new Command("list", "Liệt kê phông");
        runner.Bind(list, (context, _) =>
        {
            context.Output.List(Service(context).Fonds(context.Actor), f => $"{f.OrganId}  {f.FondName}", "Danh mục chưa có phông nào.");
            return ExitCodes.Ok;
        });
        return new Command("fonds", "Phông lưu trữ") { create, list };
    }

    public static Command Dossier(CommandRunner runner)
    {
        var unit = new Option<string?>("--unit") { Description = "Đơn vị (phòng, ban) của hồ sơ (mặc định: đơn vị của người lập)" };
        var create = new Command("create", "Lập hồ sơ mới (các trường TT 02 mục 2)") { MetadataInput.File, MetadataInput.Set, unit };
        runner.Bind(create, (context, parse) =>
        {
            var dossier = Service(context).CreateDossier(MetadataInput.Read(parse, CatalogService.DossierTags), context.Actor,
                parse.GetValue(unit));
            context.Output.Item(dossier, d => $"Đã lập hồ sơ {d.FileCode} — {d.Title}.");
            return ExitCodes.Ok;
        });

        var status = new Option<DossierStatus?>("--status") { Description = "Chỉ hồ sơ ở trạng thái: Open, Closed, Transferred" };
        var restricted = new Option<bool>("--restricted") { Description = "Liệt kê kho hạn chế sử dụng (chỉ trên máy cách ly mạng)" };
        var list = new Command("list", "Liệt kê hồ sơ") { status, restricted };
        runner.Bind(list, (context, parse) =>
        {
            context.Output.List(Service(context).Dossiers(context.Actor, parse.GetValue(status), parse.GetValue(restricted)), Line,
                "Chưa có hồ sơ nào.");
            return ExitCodes.Ok;
        });

        var code = new Argument<string>("code") { Description = "Mã hồ sơ" };
        var show = new Command("show", "Xem hồ sơ và các văn bản trong hồ sơ") { code };
        runner.Bind(show, (context, parse) =>
        {
            context.Output.Item(Service(context).Dossier(parse.GetValue(code)!, context.Actor), Describe);
            return ExitCodes.Ok;
        });

        var close = new Command("close", "Đóng hồ sơ (tính tổng số văn bản, số trang, thời gian bắt đầu/kết thúc)") { code };
        runner.Bind(close, (context, parse) =>
        {
            context.Output.Item(Service(context).CloseDossier(parse.GetValue(code)!, context.Actor),
                d => $"Đã đóng hồ sơ {d.FileCode}: {d.DocTotal} văn bản, {d.PageTotal} trang, từ {d.StartDate:dd/MM/yyyy} đến {d.EndDate:dd/MM/yyyy}.");
            return ExitCodes.Ok;
        });

        var reason = new Option<string>("--reason") { Description = "Lý do mở lại (bắt buộc, được ghi vào nhật ký)", Required = true };
        var reopen = new Command("reopen", "Mở lại hồ sơ đã đóng") { code, reason };
        runner.Bind(reopen, (context, parse) =>
        {
            context.Output.Item(Service(context).ReopenDossier(parse.GetValue(code)!, parse.GetValue(reason)!, context.Actor),
                d => $"Đã mở lại hồ sơ {d.FileCode}. Lý do: {d.ReopenReason}");
            return ExitCodes.Ok;
        });
        return new Command("dossier", "Hồ sơ (lập, xem, đóng, mở lại)") { create, list, show, close, reopen };
    }

    private static CatalogService Service(CliContext context) => context.Catalog;

    private static string Line(Dossier d) => $"{d.FileCode}  [{Status(d.Status)}]  {d.Title}  ({d.Maintenance}, {d.Rights.Name})";

    private static string Describe(DossierDetails details)
    {
        var d = details.Dossier;
        var lines = new List<string>
        {
            $"Hồ sơ {d.FileCode} [{Status(d.Status)}]",
            $"  Tiêu đề: {d.Title}",
            $"  Thời hạn bảo quản: {d.Maintenance}; chế độ sử dụng: {d.Rights.Name}; ngôn ngữ: {d.Language.Code}",
            $"  Văn bản: {d.DocTotal}; trang: {d.PageTotal}; thời gian: {d.StartDate:dd/MM/yyyy} – {d.EndDate:dd/MM/yyyy}",
        };
        if (d.ReopenReason is not null) lines.Add($"  Lý do mở lại gần nhất: {d.ReopenReason}");
        lines.AddRange(details.Documents.Select(doc =>
            $"  {doc.DocOrdinal,4}. {doc.CodeNumber}/{doc.CodeNotation}  {doc.IssuedDate:dd/MM/yyyy}  {doc.TypeName}: {doc.Subject}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Status(DossierStatus status) => DossierStatusName.Of(status);
}
