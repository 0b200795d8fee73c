namespace Archive.Core.Audit;

/// <summary>Who made a change and from where: a signed-in user and client address, or an OS user and host.</summary>
public sealed record Actor(string Name, string Origin)
{
    public static Actor FromOperatingSystem() => new(Environment.UserName, Environment.MachineName);

    public override string ToString() => $"{Name}@{Origin}";
}
