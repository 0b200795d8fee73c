namespace Archive.Core.Access;

/// <summary>
/// The permission matrix (role × operation), the levels that dossier operations need, and the level each role has on its
/// agency's dossiers without a grant. README.md prints these tables; a test holds the two to each other.
/// </summary>
public static class Permissions
{
    /// <summary>Operations that are not on one dossier: who may do them, by role.</summary>
    public static readonly IReadOnlyDictionary<Operation, IReadOnlySet<Role>> RoleMatrix = new Dictionary<Operation, IReadOnlySet<Role>>
    {
        [Operation.UserManage] = Roles(Role.Administrator),
        [Operation.RightsManage] = Roles(Role.Administrator),
        [Operation.TrustManage] = Roles(Role.Administrator),
        [Operation.AgencyCreate] = Roles(Role.Administrator),
        [Operation.FondsCreate] = Roles(Role.Archivist),
        [Operation.DossierCreate] = Roles(Role.RecordsOfficer, Role.Archivist),
        [Operation.Ingest] = Roles(Role.RecordsOfficer),
        [Operation.InboxRead] = Roles(Role.RecordsOfficer, Role.Leader),
        [Operation.InboxDecide] = Roles(Role.RecordsOfficer),
        [Operation.AuditRead] = Roles(Role.Administrator, Role.Archivist),
        [Operation.Preservation] = Roles(Role.Administrator, Role.Archivist),
        [Operation.IndexRebuild] = Roles(Role.Administrator, Role.Archivist),
        [Operation.CatalogRead] = Roles([.. Role.All]),
        [Operation.Search] = Roles([.. Role.All]),
        [Operation.CopyApprove] = Roles(Role.Leader, Role.RecordsOfficer),
        [Operation.CopyMake] = Roles(Role.RecordsOfficer),
        [Operation.Transfer] = Roles(Role.Archivist),
        [Operation.Appraise] = Roles(Role.Archivist),
        [Operation.LegalHold] = Roles(Role.Archivist, Role.Leader),
        [Operation.DisposalApprove] = Roles(Role.Leader),
        [Operation.TaskPresent] = Roles(Role.RecordsOfficer),
        [Operation.TaskAssign] = Roles(Role.Leader),
        [Operation.OutgoingDraft] = Roles(Role.Specialist, Role.RecordsOfficer, Role.Leader),
        [Operation.OutgoingSign] = Roles(Role.Leader),
        [Operation.OutgoingIssue] = Roles(Role.RecordsOfficer),
    };

    /// <summary>Operations on one dossier and its documents, and the level on that dossier they need.</summary>
    public static readonly IReadOnlyDictionary<Operation, AccessLevel> LevelNeeded = new Dictionary<Operation, AccessLevel>
    {
        [Operation.DossierRead] = AccessLevel.Read,
        [Operation.DocumentRead] = AccessLevel.Read,
        [Operation.DocumentAdd] = AccessLevel.Contribute,
        [Operation.DossierManage] = AccessLevel.Manage,
        [Operation.CopyRequest] = AccessLevel.Read,
    };

    /// <summary>
    /// The level a role has, without a grant, on the open (not restricted) dossiers of the user's own agency. A leader who
    /// belongs to a unit (trưởng phòng) has it on that unit's dossiers only. Restricted dossiers need an explicit grant.
    /// </summary>
    public static readonly IReadOnlyDictionary<Role, AccessLevel> AgencyLevel = new Dictionary<Role, AccessLevel>
    {
        [Role.Administrator] = AccessLevel.None,
        [Role.RecordsOfficer] = AccessLevel.Manage,
        [Role.Leader] = AccessLevel.Read,
        [Role.Specialist] = AccessLevel.None,
        [Role.Archivist] = AccessLevel.Manage,
    };

    /// <summary>The token scope an operation needs.</summary>
    public static TokenScope ScopeOf(Operation operation) => operation switch
    {
        Operation.UserManage or Operation.RightsManage or Operation.TrustManage or Operation.AgencyCreate or Operation.Preservation
            or Operation.IndexRebuild => TokenScope.Admin,
        Operation.FondsCreate or Operation.DossierCreate or Operation.Ingest or Operation.InboxDecide or Operation.DocumentAdd
            or Operation.DossierManage or Operation.CopyRequest or Operation.CopyApprove
            or Operation.CopyMake or Operation.Transfer or Operation.Appraise or Operation.LegalHold
            or Operation.DisposalApprove or Operation.TaskPresent or Operation.TaskAssign or Operation.OutgoingDraft
            or Operation.OutgoingSign or Operation.OutgoingIssue => TokenScope.Write,
        _ => TokenScope.Read,
    };

    /// <summary>What the operation is, in Vietnamese, for denials and the README.</summary>
    public static string Describe(Operation operation) => operation switch
    {
        Operation.UserManage => "quản lý tài khoản người dùng",
        Operation.RightsManage => "cấp, thu hồi quyền trên hồ sơ",
        Operation.TrustManage => "quản lý chứng thư số gốc tin cậy và CRL",
        Operation.AgencyCreate => "thêm cơ quan vào danh mục",
        Operation.FondsCreate => "thêm phông lưu trữ",
        Operation.DossierCreate => "lập hồ sơ",
        Operation.Ingest => "tiếp nhận văn bản vào hộp thư Chờ lưu trữ",
        Operation.InboxRead => "xem hộp thư Chờ lưu trữ, sổ đăng ký văn bản đến và đi, thống kê gửi nhận văn bản",
        Operation.InboxDecide => "tiếp nhận hoặc trả lại văn bản trong hộp thư",
        Operation.AuditRead => "xem và kiểm tra nhật ký",
        Operation.Preservation => "kiểm tra toàn vẹn, sao lưu, kiểm tra cách ly, xem cảnh báo và lịch sử tác vụ",
        Operation.IndexRebuild => "dựng lại chỉ mục tìm kiếm",
        Operation.CatalogRead => "xem danh mục cơ quan, phông, hồ sơ được phép xem",
        Operation.Search => "tìm kiếm văn bản được phép xem",
        Operation.DossierRead => "xem hồ sơ và danh sách văn bản",
        Operation.DocumentRead => "xem, tải, xuất văn bản, kiểm tra chữ ký văn bản trong kho",
        Operation.DocumentAdd => "đưa văn bản vào hồ sơ",
        Operation.DossierManage => "đóng, mở lại hồ sơ",
        Operation.CopyRequest => "yêu cầu cấp bản sao văn bản",
        Operation.CopyApprove => "phê duyệt, từ chối yêu cầu cấp bản sao (người được giao theo cấu hình)",
        Operation.CopyMake => "làm, ký số và đăng ký bản sao đã được duyệt",
        Operation.Transfer => "lập gói nộp lưu hồ sơ (BagIt) và nhập gói nộp lưu",
        Operation.Appraise => "ghi quyết định của Hội đồng xác định giá trị tài liệu, hủy hồ sơ đã được duyệt hủy",
        Operation.LegalHold => "đặt, gỡ lệnh giữ hồ sơ (không được hủy khi đang giữ)",
        Operation.DisposalApprove => "duyệt hủy tài liệu hết giá trị (người đứng đầu cơ quan: lãnh đạo không thuộc đơn vị)",
        Operation.TaskPresent => "trình văn bản đến cho lãnh đạo",
        Operation.TaskAssign => "giao, giao lại việc xử lý văn bản đến (chủ trì, phối hợp, hạn giải quyết, ý kiến chỉ đạo)",
        Operation.OutgoingDraft => "soạn dự thảo văn bản đi, trình ký",
        Operation.OutgoingSign => "ký số cá nhân hoặc trả lại dự thảo văn bản đi được trình mình ký",
        Operation.OutgoingIssue => "cấp số, ký số cơ quan, phát hành, thu hồi văn bản đi; nhận thông điệp trạng thái của nơi nhận",
        _ => operation.ToString(),
    };

    public static string Describe(AccessLevel level) => level switch
    {
        AccessLevel.Read => "đọc",
        AccessLevel.Contribute => "đóng góp",
        AccessLevel.Manage => "quản lý",
        _ => "không",
    };

    private static HashSet<Role> Roles(params Role[] roles) => [.. roles];
}
