using System.CommandLine;
using Archive.Core.Audit;
using Archive.Search;

namespace Archive.Web.Cli;

/// <summary>`archive init`: creates the data folder's layout, its catalog, its search index and the first administrator.</summary>
public static class InitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var init = new Command("init",
            "Khởi tạo thư mục dữ liệu (danh mục, kho tệp, chỉ mục, kho tin cậy, nhật ký) và tài khoản quản trị đầu tiên");
        runner.Bind(init, async (context, _, cancellationToken) =>
        {
            var existed = context.Folder.IsInitialised;
            var store = context.OpenOrCreate();
            if (!existed)
            {
                store.Catalog.Write(context.Actor, session =>
                {
                    session.Record(new AuditChange("archive.init", "DataFolder", context.Folder.Root, null, null));
                    return 0;
                });
                // Made now, so that no later command finds it missing.
                await context.Get<SearchIndex>().OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            context.Output.Item(new { dataFolder = context.Folder.Root, created = !existed }, r => r.created
                ? $"Đã khởi tạo thư mục dữ liệu {r.dataFolder}."
                : $"Thư mục dữ liệu {r.dataFolder} đã được khởi tạo từ trước; không thay đổi gì.");
            if (context.Accounts.CreateFirstAdministrator(context.Actor) is { } first) FirstAdministrator.Announce(context, first);
            return ExitCodes.Ok;
        }, createsDataFolder: true);
        return init;
    }
}
