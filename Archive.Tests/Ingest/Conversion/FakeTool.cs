using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>A stand-in converter: a small shell script, for hangs and crashes on demand.</summary>
internal static class FakeTool
{
    public static string Write(TempFolder folder, string name, string body)
    {
        var path = folder.File(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
