namespace Archive.Core.Issuing;

/// <summary>An agency an outgoing document goes to (nơi nhận), and what it last reported.</summary>
public sealed record OutgoingRecipient
{
    /// <summary>The agency identifier (mã định danh, QCVN 102).</summary>
    public string OrganId { get; init; } = "";

    public string OrganName { get; init; } = "";

    public DeliveryStatus Status { get; init; }

    /// <summary>When the status was reported (the message's own time); null until issued.</summary>
    public DateTimeOffset? StatusAt { get; init; }

    /// <summary>What the recipient said with its status (a reason for a return).</summary>
    public string? Description { get; init; }

    /// <summary>A recipient as people write one: "MÃ-ĐỊNH-DANH=Tên cơ quan" (the service checks the identifier).</summary>
    public static OutgoingRecipient Parse(string line) => line.Split('=', 2) is [var id, var name]
        ? new OutgoingRecipient { OrganId = id.Trim(), OrganName = name.Trim() }
        : throw new Application.InvalidRequestException($"Nơi nhận \"{line}\" phải có dạng MÃ-ĐỊNH-DANH=Tên cơ quan.");
}
