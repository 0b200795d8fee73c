namespace Archive.Core.Access;

/// <summary>
/// What a user asks the archive to do, as the access policy judges it. Operations on a dossier and its documents are
/// judged by the user's <see cref="AccessLevel"/> on that dossier (<see cref="Permissions.LevelNeeded"/>); the others by
/// role (<see cref="Permissions.RoleMatrix"/>). README.md prints both tables.
/// </summary>
public enum Operation
{
    UserManage,
    RightsManage,
    TrustManage,
    AgencyCreate,
    FondsCreate,
    DossierCreate,
    Ingest,
    InboxRead,
    InboxDecide,
    AuditRead,
    Preservation,
    IndexRebuild,
    CatalogRead,
    Search,
    DossierRead,
    DocumentRead,
    DocumentAdd,
    DossierManage,
    CopyRequest,
    CopyApprove,
    CopyMake,
    Transfer,
    Appraise,
    LegalHold,
    DisposalApprove,
    TaskPresent,
    TaskAssign,
    OutgoingDraft,
    OutgoingSign,
    OutgoingIssue,
}
