using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// The basic signature validation of ETSI EN 319 102-1 over a verified CMS (DESIGN.md 4 steps 4–7):
/// identification of the signing certificate, chain to an anchor, validity at the signing time,
/// revocation, key usage and algorithm constraints. A TOTAL_FAILED finding outranks an
/// INDETERMINATE one; otherwise the first finding in the standard's order is reported.
/// </summary>
public static class SignatureValidator
{
    public static SignatureReport Validate(string field, CmsVerification cms, DateTimeOffset? claimedInPdf, ValidationContext context)
    {
        var messages = new List<string>(cms.Messages);
        var identity = cms.SignerCertificate is { } sc ? SignerIdentity.From(sc) : null;
        var kind = identity is null ? SignerKind.Unknown : SignerClassifier.Classify(identity, context.Policy);
        var claimed = cms.ClaimedSigningTime ?? claimedInPdf;
        var report = new SignatureReport
        {
            Field = field, Indication = SignatureIndication.TotalPassed, Signer = identity, Kind = kind,
            SigningTime = claimed, TimeSource = TimeSource.Claimed,
        };
        if (cms.Failure is { } failure)
        {
            messages.Insert(0, cms.FailureDetail ?? failure.Explanation);
            return report with { Indication = failure.Indication, SubIndication = failure, Messages = messages };
        }
        var signer = cms.SignerCertificate!;

        var findings = new List<SubIndication>();
        void Find(SubIndication s, string message)
        {
            findings.Add(s);
            messages.Add(message);
        }

        // Time: a timestamp proves, a claim only asserts.
        var time = claimed;
        var source = TimeSource.Claimed;
        if (cms.Timestamp is { } stamp)
        {
            var problem = stamp.Problem ?? TimestampChainProblem(stamp, cms, context);
            if (problem is null)
            {
                time = stamp.Time;
                source = TimeSource.Timestamp;
                messages.Add($"Dấu thời gian hợp lệ của {SignerIdentity.From(stamp.TsaCertificate!).CommonName}.");
            }
            else
            {
                messages.Add($"Dấu thời gian không được dùng: {problem}");
            }
        }
        if (time is null) messages.Add("Không có thời điểm ký; dùng thời điểm kiểm tra.");
        var at = time ?? context.Now;
        report = report with { SigningTime = time, TimeSource = source };
        if (source == TimeSource.Claimed && time is not null)
            messages.Add("Thời điểm ký do phần mềm ký tự khai báo, không có dấu thời gian chứng minh.");

        // Algorithms.
        if (cms.DigestAlgorithm is { } digest && context.Policy.RejectedDigests.Contains(digest))
            Find(SubIndication.CryptoConstraintsFailure, $"Thuật toán băm {digest} bị chính sách từ chối.");

        var candidates = cms.Certificates.Concat(context.ExtraCertificates).ToList();
        var chain = CertificateChainBuilder.Build(signer, candidates, context.Trust.Anchors, context.Checks)
                    // A path through an issuer that is not a CA exists by signatures: it is refused by the path rules below, by name.
                    ?? CertificateChainBuilder.Build(signer, candidates, context.Trust.Anchors, anyIssuer: true);
        if (chain is null)
        {
            Find(SubIndication.NoCertificateChainFound, SubIndication.NoCertificateChainFound.Explanation);
            return Conclude(report, findings, messages);
        }
        messages.Add("Chuỗi chứng thư: " + string.Join(" → ", chain.Select(c => SignerIdentity.From(c).CommonName)));
        foreach (var problem in CertificatePathRules.Problems(chain)) Find(SubIndication.ChainConstraintsFailure, problem);

        foreach (var certificate in chain.Take(chain.Count - 1))
        {
            if (PlatformSignature.RsaKeyBits(certificate) is { } bits && bits < context.Policy.MinimumRsaKeyBits)
                Find(SubIndication.CryptoConstraintsFailure,
                    $"Khoá RSA {bits} bit của '{SignerIdentity.From(certificate).CommonName}' ngắn hơn {context.Policy.MinimumRsaKeyBits} bit.");
        }

        var usage = signer.GetKeyUsage();
        if (usage is not null && !(usage[0] || usage[1]))
            Find(SubIndication.ChainConstraintsFailure, "Chứng thư số không cho phép ký số (thiếu digitalSignature/nonRepudiation trong keyUsage).");

        foreach (var certificate in chain.Take(chain.Count - 1))
        {
            var name = SignerIdentity.From(certificate).CommonName;
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            if (at < notBefore)
                Find(source == TimeSource.Timestamp ? SubIndication.NotYetValid : SubIndication.NotYetValidClaimed,
                    $"Chứng thư '{name}' chỉ có hiệu lực từ {notBefore:yyyy-MM-dd}, sau thời điểm ký.");
            else if (at > notAfter)
                Find(source == TimeSource.Timestamp ? SubIndication.Expired : SubIndication.OutOfBoundsNoPoe,
                    $"Chứng thư '{name}' đã hết hạn ngày {notAfter:yyyy-MM-dd}, trước thời điểm ký.");
            else if (context.Now > notAfter && source == TimeSource.Claimed)
                Find(SubIndication.OutOfBoundsNoPoe,
                    $"Chứng thư '{name}' đã hết hạn ngày {notAfter:yyyy-MM-dd}; không có dấu thời gian chứng minh chữ ký có trước đó.");
        }

        for (var i = 0; i < chain.Count - 1; i++)
        {
            var certificate = chain[i];
            var name = SignerIdentity.From(certificate).CommonName;
            var status = context.Revocation.Check(certificate, chain[i + 1]);
            if (!status.Known)
            {
                if (context.Policy.RequiresRevocationData)
                    Find(SubIndication.TryLater, $"Không có CRL hoặc OCSP cho chứng thư '{name}'.");
                continue;
            }
            if (status.NextUpdate is { } next && next < context.Now)
                messages.Add($"Dữ liệu thu hồi cho '{name}' ({status.Source}) đã quá hạn cập nhật từ {next:yyyy-MM-dd}: cần CRL mới hơn.");
            if (!status.IsRevoked)
            {
                messages.Add($"Chứng thư '{name}' chưa bị thu hồi ({status.Source}).");
                continue;
            }
            var revokedAt = status.RevokedAt!.Value;
            var text = $"Chứng thư '{name}' bị thu hồi lúc {revokedAt:yyyy-MM-dd HH:mm:ss}Z ({status.Reason ?? "không nêu lý do"}; {status.Source}).";
            if (revokedAt <= at)
                Find(i == 0 ? SubIndication.Revoked : SubIndication.RevokedCaNoPoe, text);
            else if (source == TimeSource.Claimed)
                Find(i == 0 ? SubIndication.RevokedNoPoe : SubIndication.RevokedCaNoPoe, text + " Không có dấu thời gian chứng minh chữ ký có trước khi thu hồi.");
            else
                messages.Add(text + " Dấu thời gian chứng minh chữ ký có trước khi thu hồi.");
        }
        return Conclude(report, findings, messages);
    }

    private static string? TimestampChainProblem(TimestampEvidence stamp, CmsVerification cms, ValidationContext context)
    {
        var tsa = stamp.TsaCertificate!;
        var chain = CertificateChainBuilder.Build(tsa, stamp.Certificates.Concat(cms.Certificates).Concat(context.ExtraCertificates), context.Trust.Anchors);
        if (chain is null) return "chứng thư của đơn vị cấp dấu thời gian không dẫn về chứng thư gốc tin cậy.";
        if (CertificatePathRules.Problems(chain) is [var broken, ..]) return broken;
        if (stamp.Time < new DateTimeOffset(tsa.NotBefore.ToUniversalTime(), TimeSpan.Zero) ||
            stamp.Time > new DateTimeOffset(tsa.NotAfter.ToUniversalTime(), TimeSpan.Zero))
            return "chứng thư của đơn vị cấp dấu thời gian không còn hiệu lực lúc cấp dấu.";
        var status = context.Revocation.Check(tsa, chain[1]);
        if (status.IsRevoked && status.RevokedAt <= stamp.Time) return "chứng thư của đơn vị cấp dấu thời gian đã bị thu hồi.";
        return null;
    }

    private static SignatureReport Conclude(SignatureReport report, List<SubIndication> findings, List<string> messages)
    {
        var chosen = findings.FirstOrDefault(f => f.Indication == SignatureIndication.TotalFailed) ?? findings.FirstOrDefault();
        return chosen is null
            ? report with { Indication = SignatureIndication.TotalPassed, Messages = messages }
            : report with { Indication = chosen.Indication, SubIndication = chosen, Messages = messages };
    }
}
