namespace Archive.Core.Catalog;

/// <summary>
/// Life cycle of a dossier: documents are filed while Open; closing fixes the totals;
/// Transferred (nộp lưu) is final.
/// </summary>
public enum DossierStatus
{
    Open = 0,
    Closed = 1,
    Transferred = 2,
}
