namespace Archive.Ingest.Signatures;

/// <summary>
/// The regulation's rules for issued documents (Điều 12, 13; DESIGN.md 4): one personal and one
/// organisation signature, the organisation's later; every signature dated the issue date;
/// the organisation signature at the top right of page 1 (a warning only).
/// </summary>
public static class AgencyRules
{
    /// <summary>Vietnam keeps one offset all year; signing dates are judged in it.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <param name="signatures">The signatures in revision order, earliest first.</param>
    public static IReadOnlyList<RuleResult> Check(IReadOnlyList<SignatureReport> signatures, DateOnly? issueDate) =>
        [TwoSignatures(signatures), SigningDate(signatures, issueDate), OrganisationPosition(signatures)];

    private static RuleResult TwoSignatures(IReadOnlyList<SignatureReport> signatures)
    {
        var personal = signatures.Select((s, i) => (s, i)).Where(p => p.s.Kind == SignerKind.Personal).ToList();
        var organisation = signatures.Select((s, i) => (s, i)).Where(p => p.s.Kind == SignerKind.Organisation).ToList();
        if (personal.Count == 0 || organisation.Count == 0)
            return new RuleResult(RuleResult.TwoSignatures, false, true,
                $"Văn bản phát hành cần 01 chữ ký số cá nhân và 01 chữ ký số của cơ quan; tìm thấy {personal.Count} chữ ký cá nhân, {organisation.Count} chữ ký cơ quan.");
        if (organisation[^1].i < personal[0].i)
            return new RuleResult(RuleResult.TwoSignatures, false, true,
                "Chữ ký của cơ quan phải được ký sau chữ ký của người có thẩm quyền (Điều 12 khoản 1).");
        return new RuleResult(RuleResult.TwoSignatures, true, true,
            $"Có chữ ký cá nhân ({personal[0].s.Signer?.CommonName}) và chữ ký cơ quan ({organisation[^1].s.Signer?.CommonName}) ký sau.");
    }

    private static RuleResult SigningDate(IReadOnlyList<SignatureReport> signatures, DateOnly? issueDate)
    {
        if (issueDate is null)
            return new RuleResult(RuleResult.SigningDateEqualsIssueDate, false, true,
                "Không xác định được ngày ban hành trên trang đầu (\"ngày … tháng … năm …\").");
        var wrong = signatures
            .Where(s => s.SigningTime is null || DateOnly.FromDateTime(s.SigningTime.Value.ToOffset(VietnamOffset).DateTime) != issueDate)
            .ToList();
        return wrong.Count == 0
            ? new RuleResult(RuleResult.SigningDateEqualsIssueDate, true, true, $"Mọi chữ ký được ký ngày ban hành {issueDate:dd/MM/yyyy}.")
            : new RuleResult(RuleResult.SigningDateEqualsIssueDate, false, true,
                $"Ngày ký khác ngày ban hành {issueDate:dd/MM/yyyy}: " + string.Join("; ", wrong.Select(s =>
                    $"{s.Field} ký {(s.SigningTime is { } t ? t.ToOffset(VietnamOffset).ToString("dd/MM/yyyy") : "không rõ ngày")}")) + " (Điều 12 khoản 2).");
    }

    private static RuleResult OrganisationPosition(IReadOnlyList<SignatureReport> signatures)
    {
        var organisation = signatures.LastOrDefault(s => s.Kind == SignerKind.Organisation);
        if (organisation is null)
            return new RuleResult(RuleResult.OrganisationSignaturePosition, false, false, "Không có chữ ký của cơ quan để kiểm tra vị trí.");
        var ok = organisation.Widget is { Page: 1, IsTopRight: true };
        return new RuleResult(RuleResult.OrganisationSignaturePosition, ok, false, ok
            ? "Chữ ký của cơ quan ở góc phải, đầu trang thứ nhất."
            : "Chữ ký của cơ quan không ở góc phải, đầu trang thứ nhất (Điều 13 khoản 4 điểm a).");
    }
}
