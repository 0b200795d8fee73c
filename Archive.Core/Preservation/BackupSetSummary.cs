namespace Archive.Core.Preservation;

/// <summary>One complete backup set on one medium, as the Bảo quản page and the API list it.</summary>
public sealed record BackupSetSummary(string Target, string Id, string Kind, DateTimeOffset Created, int Files, long Bytes);
