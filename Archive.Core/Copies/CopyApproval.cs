using Archive.Core.Access;

namespace Archive.Core.Copies;

/// <summary>Who approves requests for copies in this agency: its leaders (lãnh đạo, the default) or its records officers.</summary>
public sealed record CopyApproval(Role Approver)
{
    public static readonly CopyApproval Leaders = new(Role.Leader);

    public static CopyApproval Parse(string roleCode)
    {
        var role = Role.Parse(roleCode);
        return role == Role.Leader || role == Role.RecordsOfficer
            ? new CopyApproval(role)
            : throw new ArgumentException(
                $"Người phê duyệt bản sao phải là {Role.Leader.Code} hoặc {Role.RecordsOfficer.Code}, không phải {roleCode}.",
                nameof(roleCode));
    }
}
