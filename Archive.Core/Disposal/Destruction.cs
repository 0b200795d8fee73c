namespace Archive.Core.Disposal;

/// <summary>What a destruction did: its record (biên bản hủy), the dossiers and documents, and the files removed.</summary>
public sealed record Destruction(string Record, string RecordSha256, IReadOnlyList<string> Dossiers, int Documents, int FilesRemoved,
    long BytesRemoved, IReadOnlyList<string> Warnings);
