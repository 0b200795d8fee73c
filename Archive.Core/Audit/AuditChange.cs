namespace Archive.Core.Audit;

/// <summary>What a change did, before it is stamped with who, when and its place in the chain.</summary>
public sealed record AuditChange(string Action, string ObjectType, string ObjectId, string? Before, string? After);
