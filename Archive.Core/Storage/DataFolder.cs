namespace Archive.Core.Storage;

/// <summary>The layout of a data folder (DESIGN.md section 3), and the guard that keeps paths inside it.</summary>
public sealed record DataFolder
{
    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Index = Path.Combine(Root, "index");
    }

    public string Root { get; }
    public string CatalogFile => Path.Combine(Root, "catalog.db");
    public string Blobs => Path.Combine(Root, "blobs");

    /// <summary>The search index: in the folder, or on each node's own disk where several share the folder
    /// (Archive:Search:IndexFolder).</summary>
    public string Index { get; init; }
    public string Restricted => Path.Combine(Root, "restricted");
    public string TrustAnchors => Path.Combine(Root, "trust", "anchors");
    public string TrustCrls => Path.Combine(Root, "trust", "crls");
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>Reports the archive writes for people: the fixity check minutes (biên bản kiểm tra).</summary>
    public string Reports => Path.Combine(Root, "reports");
    /// <summary>The web host's keys for its session cookies (ASP.NET Core Data Protection): losing them only signs everyone out.</summary>
    public string SessionKeys => Path.Combine(Root, "keys");
    /// <summary>Held exclusively by the one process that has the folder open.</summary>
    public string LockFile => Path.Combine(Root, "archive.lock");

    public bool IsInitialised => File.Exists(CatalogFile);

    /// <summary>Resolves a path given relative to the data folder; refuses one that leads outside it.</summary>
    public string ResolveInside(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        var rootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal) && full != Root)
            throw new PathOutsideDataFolderException(relative, Root);
        return full;
    }

    /// <summary>Whether <paramref name="path"/> is the data folder or inside it.</summary>
    public bool Contains(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        return full == Root.TrimEnd(Path.DirectorySeparatorChar)
               || full.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    public void CreateLayout()
    {
        foreach (var folder in new[] { Root, Blobs, Index, TrustAnchors, TrustCrls, Logs })
            Directory.CreateDirectory(folder);
    }
}
