namespace Archive.Core.Issuing;

/// <summary>
/// The last number a register gave in a year (per agency): read and moved on inside the numbering transaction, so taking a number
/// costs the same on the first day of the year and the last, and numbers neither repeat nor skip.
/// </summary>
public sealed record RegisterCounter
{
    /// <summary>"AGENCY|REGISTER|YEAR".</summary>
    public string Id { get; init; } = "";

    public int Last { get; init; }

    public static string IdOf(string agency, string register, int year) => $"{agency}|{register}|{year}";
}
