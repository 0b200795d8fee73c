using System.Text;

namespace Archive.Ingest.Intake;

/// <summary>
/// The watched folder on disk: senders drop files at its top level; a file being processed sits in
/// <see cref="ClaimedFolderName"/>; when done it is moved, with its companions, to
/// <see cref="AcceptedFolderName"/> or to <see cref="ReturnedFolderName"/> beside a NAME.ly-do.txt
/// giving the reasons. Nothing is ever deleted, and nothing outside the folder is touched.
/// </summary>
public sealed class WatchFolderLayout(string root)
{
    public const string AcceptedFolderName = "da-tiep-nhan";
    public const string ReturnedFolderName = "tra-lai";
    /// <summary>Hidden, so no sender drops files there: what is in it was taken by a run, and its presence after a crash says the run did not finish.</summary>
    public const string ClaimedFolderName = ".dang-xu-ly";
    public const string SidecarSuffix = ".json";
    public const string ReasonsSuffix = ".ly-do.txt";
    /// <summary>The edXML status the pipeline writes beside an envelope, for the sender.</summary>
    public const string StatusSuffix = ".status.xml";

    /// <summary>Files that travel with a document and are never documents themselves: its metadata, a detached signature.</summary>
    private static readonly string[] CompanionSuffixes = [SidecarSuffix, ".p7s", StatusSuffix];

    public string Root { get; } = Path.GetFullPath(root);
    public string Claimed => Path.Combine(Root, ClaimedFolderName);

    public void EnsureFolders()
    {
        if (!Directory.Exists(Root)) throw new DirectoryNotFoundException($"Thư mục theo dõi '{Root}' không tồn tại.");
        Directory.CreateDirectory(Claimed);
        Directory.CreateDirectory(Path.Combine(Root, AcceptedFolderName));
        Directory.CreateDirectory(Path.Combine(Root, ReturnedFolderName));
    }

    /// <summary>Documents dropped at the top level; subfolders, hidden and temporary files and companions are not.</summary>
    public IReadOnlyList<FileInfo> Arrivals() => Documents(Root);

    /// <summary>What a run took and did not finish (a crash, a kill).</summary>
    public IReadOnlyList<FileInfo> ClaimedFiles() => Documents(Claimed);

    /// <summary>The metadata sidecar of a document: NAME.json (NAME with its extension), else the name without extension + .json.</summary>
    public static FileInfo? Sidecar(FileInfo document)
    {
        var full = new FileInfo(document.FullName + SidecarSuffix);
        if (full.Exists) return full;
        var stem = new FileInfo(Path.Combine(document.DirectoryName!, Path.GetFileNameWithoutExtension(document.Name) + SidecarSuffix));
        return stem.Exists ? stem : null;
    }

    public static IReadOnlyList<FileInfo> Companions(FileInfo document) =>
        new[] { Sidecar(document) }.Concat(CompanionSuffixes.Skip(1).Select(s => new FileInfo(document.FullName + s)))
            .OfType<FileInfo>().Where(f => f.Exists).ToList();

    /// <summary>Moves a stable arrival and its companions into the claimed folder; null when one of that name is still there.</summary>
    public FileInfo? Claim(FileInfo arrival)
    {
        var target = Path.Combine(Claimed, arrival.Name);
        if (File.Exists(target)) return null;
        foreach (var companion in Companions(arrival))
            File.Move(companion.FullName, Path.Combine(Claimed, arrival.Name + CompanionSuffix(arrival, companion)), overwrite: true);
        File.Move(arrival.FullName, target); // last: the document's presence in the claimed folder is what says "taken"
        return new FileInfo(target);
    }

    /// <summary>
    /// Moves a claimed document to the accepted or returned folder under a free name (the reasons file
    /// first, the document last, so a crash in between leaves it claimed and the next run finishes the move).
    /// </summary>
    /// <returns>The path the document was moved to.</returns>
    public string Finish(FileInfo claimed, bool returned, IReadOnlyList<string> reasons)
    {
        var folder = Path.Combine(Root, returned ? ReturnedFolderName : AcceptedFolderName);
        var target = FreeName(folder, claimed.Name);
        if (returned)
            File.WriteAllText(target + ReasonsSuffix, string.Join(Environment.NewLine, reasons.Select(r => $"- {r}")) + Environment.NewLine,
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var companion in Companions(claimed))
            File.Move(companion.FullName, target + CompanionSuffix(claimed, companion), overwrite: true);
        File.Move(claimed.FullName, target);
        return target;
    }

    private static IReadOnlyList<FileInfo> Documents(string folder) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles().Where(f => IsDocumentName(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Hidden files, office lock files (~$…) and partial downloads are someone's work in progress; companions come with their document.</summary>
    public static bool IsDocumentName(string name) =>
        !name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal) &&
        !name.EndsWith(ReasonsSuffix, StringComparison.OrdinalIgnoreCase) &&
        !new[] { ".part", ".partial", ".tmp", ".crdownload", ".download" }.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) &&
        !CompanionSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The companion's suffix relative to its document (a stem sidecar qd.json of qd.pdf travels as qd.pdf.json).</summary>
    private static string CompanionSuffix(FileInfo document, FileInfo companion) =>
        companion.Name.StartsWith(document.Name, StringComparison.Ordinal) ? companion.Name[document.Name.Length..] : SidecarSuffix;

    /// <summary>NAME, or NAME (2), NAME (3)… before the extension when a file of that name is already there.</summary>
    private static string FreeName(string folder, string name)
    {
        var candidate = Path.Combine(folder, name);
        for (var n = 2; File.Exists(candidate); n++)
            candidate = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
        return candidate;
    }
}
