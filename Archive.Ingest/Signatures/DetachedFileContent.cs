namespace Archive.Ingest.Signatures;

/// <summary>A whole file signed by a detached CMS signature (FILE.p7s beside FILE).</summary>
internal sealed class DetachedFileContent(string path) : ISignedContent
{
    public void WriteTo(Stream destination)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        file.CopyTo(destination);
    }
}
