namespace Archive.Tests.Support;

/// <summary>A watched inbox folder under a test's data folder, where a test drops files as a sender would.</summary>
public sealed class WatchFolder(string path)
{
    public const string SampleMetadata = """
        {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNotation":"QĐ-UBND","IssuedDate":"2019-04-12",
         "Subject":"Ban hành quy chế","PageAmount":1,"Language":"vi","CodeNumber":"{0}"}
        """;

    public string Path { get; } = Directory.CreateDirectory(path).FullName;
    public string Accepted => System.IO.Path.Combine(Path, "da-tiep-nhan");
    public string Returned => System.IO.Path.Combine(Path, "tra-lai");
    public string Claimed => System.IO.Path.Combine(Path, ".dang-xu-ly");

    /// <summary>The real sample decision of fixtures/samples.</summary>
    public static string SamplePdfFixture =>
        System.IO.Path.Combine(Archive.Tests.Ingest.Signatures.SignatureFixtures.RepositoryRoot(), "fixtures", "samples", "quyet-dinh-quy-che.pdf");

    /// <summary>Copies a file in (and its NAME.json sidecar), dated a minute ago: it arrived earlier and is complete.</summary>
    public string Drop(string source, string name, string? sidecarJson = null)
    {
        var target = System.IO.Path.Combine(Path, name);
        if (sidecarJson is not null) Settled(WriteText(target + ".json", sidecarJson));
        File.Copy(source, target);
        return Settled(target);
    }

    /// <summary>Sidecar metadata of the sample decision with its own số (CodeNumber), so documents are not duplicates of each other.</summary>
    public static string Metadata(int codeNumber) => SampleMetadata.Replace("{0}", codeNumber.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
        StringComparison.Ordinal);

    public static string Settled(string path)
    {
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        return path;
    }

    public string In(string folder, string name) => System.IO.Path.Combine(folder, name);

    private static string WriteText(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
