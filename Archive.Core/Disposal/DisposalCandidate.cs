using Archive.Core.Catalog;

namespace Archive.Core.Disposal;

/// <summary>A dossier whose retention has ended (or ends within the warning period), and where its disposal stands.</summary>
public sealed record DisposalCandidate(Dossier Dossier, DateOnly RetentionEnds, bool Ended)
{
    /// <summary>Where the disposal stands, in Vietnamese.</summary>
    public string State => Dossier switch
    {
        { Holds.Count: > 0 } d => $"đang bị giữ ({string.Join("; ", d.Holds.Select(h => h.Reason))})",
        { Appraisal: null } => "chờ Hội đồng xác định giá trị",
        { Appraisal: { Decision: AppraisalDecision.Destroy, Approved: true } } => "đã được duyệt hủy, chờ hủy",
        { Appraisal: { Decision: AppraisalDecision.Destroy } } => "Hội đồng đề nghị hủy, chờ người đứng đầu cơ quan duyệt",
        { Appraisal: { } a } => AppraisalDecisions.Name(a.Decision),
    };
}
