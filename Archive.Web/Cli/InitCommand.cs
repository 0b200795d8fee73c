using System.CommandLine;
using Archive.Core.Application;
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
            var created = !context.IsInitialised;
            context.OpenOrCreate();
            var first = context.Get<ArchiveSetup>().Initialise(created, context.Actor);
            // Made now, so that no later command finds it missing.
            if (created) await context.Get<SearchIndex>().OpenAsync(cancellationToken).ConfigureAwait(false);
            context.Output.Item(new { dataFolder = context.Folder.Root, created }, r => r.created
                ? $"Đã khởi tạo thư mục dữ liệu {r.dataFolder}."
                : $"Thư mục dữ liệu {r.dataFolder} đã được khởi tạo từ trước; không thay đổi gì.");
            if (first is not null) FirstAdministrator.Announce(context, first);
            return ExitCodes.Ok;
        }, createsDataFolder: true);
        return init;
    }
}
