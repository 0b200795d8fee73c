using Archive.Core.Catalog;

namespace Archive.Core.Access;

/// <summary>Who a dossier grant is for: one user, or every user of one unit of one agency.</summary>
public sealed record Grantee
{
    private Grantee(string value, string display)
    {
        Value = value;
        Display = display;
    }

    /// <summary>"user:LOGIN" or "unit:AGENCY/UNIT": what the catalog keeps.</summary>
    public string Value { get; }

    /// <summary>Vietnamese, for messages: "người dùng nva", "đơn vị Phòng Tổ chức (000.00.00.H42)".</summary>
    public string Display { get; }

    public static Grantee User(string login) => new($"user:{login}", $"người dùng {login}");

    public static Grantee Unit(AgencyCode agency, string unit) => new($"unit:{agency.Value}/{unit}", $"đơn vị {unit} ({agency.Value})");

    /// <summary>Reads <see cref="Value"/> back.</summary>
    public static Grantee Parse(string value)
    {
        if (value.StartsWith("user:", StringComparison.Ordinal)) return User(value[5..]);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (value.StartsWith("unit:", StringComparison.Ordinal) && slash > 5)
            return Unit(AgencyCode.Parse(value[5..slash]), value[(slash + 1)..]);
        throw new FormatException($"'{value}' is not a grantee.");
    }

    /// <summary>The grantees an actor counts as: itself, and its unit when it has one.</summary>
    public static IReadOnlyList<string> ValuesOf(Audit.Actor actor) =>
        actor.Agency is { } agency && actor.Unit is { } unit
            ? [User(actor.Name).Value, Unit(agency, unit).Value]
            : [User(actor.Name).Value];
}
