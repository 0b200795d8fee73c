using System.CommandLine;
using Archive.Search;

namespace Archive.Web.Cli;

/// <summary>`archive reindex`: rebuilds the search index from the catalog (the index is derived data).</summary>
public static class ReindexCommand
{
    public static Command Create(CommandRunner runner)
    {
        var reindex = new Command("reindex", "Dựng lại chỉ mục tìm kiếm từ danh mục và văn bản đã lưu");
        runner.Bind(reindex, async (context, _, cancellationToken) =>
        {
            var started = context.Clock.GetTimestamp();
            var count = await context.Get<IndexRebuild>().RunAsync(context.Actor, cancellationToken).ConfigureAwait(false);
            var seconds = context.Clock.GetElapsedTime(started).TotalSeconds;
            context.Output.Item(new { indexed = count, seconds = Math.Round(seconds, 1) },
                r => $"Đã dựng lại chỉ mục tìm kiếm: {r.indexed} văn bản trong {r.seconds} giây.");
            return ExitCodes.Ok;
        });
        return reindex;
    }
}
