using Archive.Core.Access;
using Archive.Core.Catalog;

namespace Archive.Core.Audit;

/// <summary>
/// Who acts and from where; it reaches every service call, reads included. A person is a signed-in account (its roles,
/// agency and unit, and the zone the host judged the request to come from); the operator is whoever runs the `archive`
/// command on the machine without naming an account, and the scheduler runs the jobs: both may do everything, because
/// they hold the data folder itself. Build actors with the factory methods.
/// </summary>
public sealed record Actor
{
    private Actor(string name, string origin, ActorKind kind)
    {
        Name = name;
        Origin = origin;
        Kind = kind;
    }

    /// <summary>The login name (or the operating-system user of an operator): what the audit log names.</summary>
    public string Name { get; }

    /// <summary>The host, or the client address for the web.</summary>
    public string Origin { get; }

    public ActorKind Kind { get; }

    public IReadOnlySet<Role> Roles { get; private init; } = new HashSet<Role>();

    public AgencyCode? Agency { get; private init; }

    public string? Unit { get; private init; }

    public NetworkZone Zone { get; private init; } = NetworkZone.Console;

    /// <summary>The scopes of the API token the request came with; null when it came with a password or from the console.</summary>
    public IReadOnlySet<TokenScope>? Scopes { get; private init; }

    public bool IsOperator => Kind != ActorKind.Account;

    /// <summary>The operating-system user at the archive machine's console, acting without an account.</summary>
    public static Actor Operator(string name, string origin) => new(name, origin, ActorKind.Operator);

    public static Actor FromOperatingSystem() => Operator(Environment.UserName, Environment.MachineName);

    /// <summary>The archive's own scheduled work (fixity, backup, the air-gap check).</summary>
    public static Actor Scheduler() => new("scheduler", Environment.MachineName, ActorKind.Scheduler);

    /// <summary>A person signed in with an account.</summary>
    public static Actor Of(UserAccount account, string origin, NetworkZone zone, IReadOnlySet<TokenScope>? scopes = null) =>
        new(account.Login, origin, ActorKind.Account)
        {
            Roles = account.RoleSet, Agency = account.Agency, Unit = account.Unit, Zone = zone, Scopes = scopes,
        };

    public bool Has(Role role) => Roles.Contains(role);

    public override string ToString() => $"{Name}@{Origin}";
}

public enum ActorKind
{
    Account,
    Operator,
    Scheduler,
}
