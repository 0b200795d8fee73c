namespace Archive.Tests.Support;

/// <summary>Builds an initialised data folder with an agency and one open dossier through the CLI.</summary>
public static class DemoDossier
{
    public const string Agency = "000.00.00.H42";
    public const string Code = "000.00.00.H42.2019.01.TH";

    public static async Task CreateAsync(string data)
    {
        await Expect(Cli.RunAsync("init", "--data", data));
        await Expect(Cli.RunAsync("agency", "create", Agency, "--name", "Ủy ban nhân dân tỉnh Hà Tĩnh", "--data", data));
        await Expect(Cli.RunAsync("dossier", "create", "--data", data, "--set", $"OrganId={Agency}", "--set", "FileCatalog=2019",
            "--set", "FileNotation=01.TH", "--set", "Title=Hồ sơ ban hành quy chế văn bản điện tử", "--set", "Maintenance=Vĩnh viễn"));
    }

    public static string[] AddDocument(string file, string data, string codeNumber = "05", int pages = 2, string date = "2019-04-12") =>
    [
        "document", "add", file, "--dossier", Code, "--data", data,
        "--set", "TypeName=Quyết định", "--set", "OrganName=Ủy ban nhân dân tỉnh Hà Tĩnh", "--set", $"CodeNumber={codeNumber}",
        "--set", "CodeNotation=QĐ-UBND", "--set", $"IssuedDate={date}", "--set", "Subject=Ban hành quy chế",
        "--set", $"PageAmount={pages}", "--set", "Language=vi",
    ];

    private static async Task Expect(Task<CliResult> run)
    {
        var result = await run;
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
