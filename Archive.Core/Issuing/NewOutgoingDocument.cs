namespace Archive.Core.Issuing;

/// <summary>
/// A draft outgoing document as the drafter describes it: its type, the ký hiệu that follows the number (e.g. "QĐ-UBND"), subject,
/// the dossier it will be filed into, who receives it, urgency, an answer deadline, and the register that numbers it.
/// </summary>
/// <param name="Register">The register (sổ văn bản đi) that numbers it; agencies keep one register, or one per document type.</param>
public sealed record NewOutgoingDocument(string TypeName, string Notation, string Subject, string DossierCode,
    IReadOnlyList<OutgoingRecipient> Recipients, string? Priority = null, DateOnly? DueDate = null, int? PageAmount = null,
    string Register = NewOutgoingDocument.DefaultRegister)
{
    public const string DefaultRegister = "chung";
}
