namespace Archive.Core.Access;

/// <summary>A right on one dossier (and so on its documents), given to a user or to a unit of an agency.</summary>
public sealed record DossierGrant
{
    /// <summary>The dossier code and the grantee, so a grantee holds at most one grant per dossier.</summary>
    public required string Id { get; init; }

    public required string FileCode { get; init; }

    /// <summary><see cref="Grantee.Value"/>: "user:LOGIN" or "unit:AGENCY/UNIT".</summary>
    public required string Grantee { get; init; }

    public required AccessLevel Level { get; init; }

    public required string GrantedBy { get; init; }

    public DateTimeOffset GrantedAt { get; init; }

    public static string IdOf(string fileCode, Grantee grantee) => IdOf(fileCode, grantee.Value);

    public static string IdOf(string fileCode, string grantee) => $"{fileCode}|{grantee}";
}
