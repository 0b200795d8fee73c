using System.CommandLine;

namespace Archive.Web.Cli;

/// <summary>
/// While `archive serve` holds the data folder, the command line cannot open it (exit 75): this names the page or API call of
/// the running server that does the same thing.
/// </summary>
public static class WebEquivalent
{
    private static readonly (string Command, string Web)[] Equivalents =
    [
        ("ingest", "trang Tiếp nhận văn bản (/tiep-nhan) hoặc POST /api/v1/inbox"),
        ("inbox", "trang Chờ lưu trữ (/cho-luu-tru) hoặc /api/v1/inbox"),
        ("search", "trang Tìm kiếm (/tim-kiem) hoặc GET /api/v1/search?q=…"),
        ("dossier", "trang Danh mục hồ sơ (/ho-so)"),
        ("export", "trang Văn bản (/van-ban/MÃ) hoặc GET /api/v1/documents/MÃ/original|pdfa|metadata"),
        ("jobs", "GET /api/jobs"),
        ("alerts", "GET /api/problems hoặc Trang chủ (/)"),
    ];

    /// <summary>A sentence to add to the exit-75 message; empty when the server has nothing for this command.</summary>
    public static string For(ParseResult parse, string urls)
    {
        var command = parse.CommandResult.Command;
        while (command.Parents.OfType<Command>().FirstOrDefault() is { } parent and not RootCommand) command = parent;
        var match = Equivalents.FirstOrDefault(e => e.Command == command.Name);
        return match.Web is null ? "" : $" Máy chủ đang chạy tại {urls} làm được việc này: {match.Web}.";
    }
}
