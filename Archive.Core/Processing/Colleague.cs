namespace Archive.Core.Processing;

/// <summary>An active user of the actor's agency, as the forms that present and assign work offer them.</summary>
public sealed record Colleague(string Login, string FullName, string? Unit, bool IsLeader);
