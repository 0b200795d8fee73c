namespace Archive.Core.Disposal;

/// <summary>
/// What the appraisal council (Hội đồng xác định giá trị tài liệu) decides for a dossier whose retention has run out
/// (MoReq2010 §9: retain, transfer, destroy).
/// </summary>
public enum AppraisalDecision
{
    /// <summary>Keep it longer: a longer retention period.</summary>
    Keep = 0,

    /// <summary>Its value is lasting: permanent retention, to be transferred to the historical archive.</summary>
    Transfer = 1,

    /// <summary>Destroy it, once the head of the agency approves.</summary>
    Destroy = 2,
}
