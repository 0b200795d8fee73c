namespace Archive.Core.Catalog;

/// <summary>
/// Life cycle of a dossier: documents are filed while Open; closing fixes the totals; Transferred (nộp lưu) is in the agency's
/// archive, no longer changed; Delivered is handed on to the historical archive in a transfer package;
/// Destroyed has had its content removed after appraisal (its metadata stays).
/// </summary>
public enum DossierStatus
{
    Open = 0,
    Closed = 1,
    Transferred = 2,
    Delivered = 3,

    /// <summary>Its content destroyed after appraisal and approval; its metadata kept as a tombstone.</summary>
    Destroyed = 4,
}
