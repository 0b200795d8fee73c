namespace Archive.Core.Copies;

/// <summary>Where a request for a copy stands.</summary>
public enum CopyRequestStatus
{
    /// <summary>Chờ phê duyệt.</summary>
    Requested,

    /// <summary>Đã duyệt: the copy may be made.</summary>
    Approved,

    /// <summary>Từ chối, with a reason.</summary>
    Refused,

    /// <summary>Đã cấp: the copy was made and registered.</summary>
    Made,
}
