namespace Archive.Core.Processing;

/// <summary>
/// What a leader decides for an incoming document: the lead (a person, or a unit of the document's agency), the cooperating
/// people and units, the deadline, the instructions, and the reason when it is assigned again.
/// </summary>
public sealed record Assignment(string? Lead, string? LeadUnit, IReadOnlyList<string> Cooperating,
    IReadOnlyList<string> CooperatingUnits, DateOnly Deadline, string? Instructions, string? Reason = null);
