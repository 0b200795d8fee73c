namespace Archive.Core.Processing;

/// <summary>Which processing tasks a list shows.</summary>
public enum TaskFilter
{
    /// <summary>Not done yet.</summary>
    Open = 0,

    /// <summary>Presented or assigned to the actor (or its unit), not done.</summary>
    Mine = 1,

    /// <summary>Past the deadline, not done.</summary>
    Overdue = 2,

    /// <summary>Due within <see cref="Application.ProcessingService.DueSoonDays"/> days, not done.</summary>
    DueSoon = 3,

    All = 4,
}
