namespace Archive.Core.Access;

/// <summary>
/// Account or rights input that breaks a rule (a weak password, an unknown role, a bad login name): every problem, in Vietnamese.
/// </summary>
public sealed class AccountValidationException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public AccountValidationException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
