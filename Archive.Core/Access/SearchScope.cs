namespace Archive.Core.Access;

/// <summary>
/// What a user may find by searching: every document of the agencies in <see cref="Agencies"/> (null: of every agency),
/// and the documents of the dossiers in <see cref="FileCodes"/>. The index turns it into clauses of the query itself.
/// </summary>
public sealed record SearchScope(IReadOnlySet<string>? Agencies, IReadOnlySet<string> FileCodes)
{
    public static readonly SearchScope Everything = new(null, new HashSet<string>());
}
