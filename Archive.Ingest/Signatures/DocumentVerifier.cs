using System.Security.Cryptography;
using Archive.Core.Storage;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;
using Serilog;
using UglyToad.PdfPig;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Verifies every signature of one file — a PDF's signatures, or a detached CMS in FILE.p7s beside
/// any other file — and applies the policy's rules, giving the file's verdict (DESIGN.md 4).
/// </summary>
public sealed class DocumentVerifier(TrustStore trust, ValidationPolicy policy, TimeProvider clock, ILogger log)
{
    public async Task<FileVerificationReport> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        // Given the signature itself (FILE.p7s), verify the file it signs.
        if (path.EndsWith(".p7s", StringComparison.OrdinalIgnoreCase) && File.Exists(path[..^4])) path = path[..^4];
        string sha256;
        bool isPdf;
        await using (var file = OpenRead(path))
        {
            var header = new byte[1024];
            var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            isPdf = header.AsSpan(0, read).IndexOf("%PDF-"u8) >= 0;
            file.Position = 0;
            sha256 = Sha256Digest.FromBytes(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false)).Hex;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var report = isPdf ? VerifyPdf(path, sha256, cancellationToken)
            : File.Exists(path + ".p7s") ? await VerifyDetachedAsync(path, sha256, cancellationToken).ConfigureAwait(false)
            : new FileVerificationReport
            {
                File = path, Sha256 = sha256, Indication = SignatureIndication.NoSignature,
                Messages = ["Tệp không phải PDF và không có chữ ký tách rời (.p7s) đi kèm."],
            };
        log.Information("Verified {File}: {Indication} ({Signatures} signatures, policy {Policy})",
            path, report.Indication.Name, report.Signatures.Count, policy.Name);
        return report;
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.RandomAccess);

    private FileVerificationReport VerifyPdf(string path, string sha256, CancellationToken cancellationToken)
    {
        using var raw = OpenRead(path);
        // Its own stream: a large file is parsed lazily while the checks below seek in the raw one.
        using var parsed = OpenRead(path);
        PdfDocument document;
        try
        {
            document = Parsing.Open(parsed);
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            // A file anyone may open is read and verified; one that needs a password to open cannot be.
            return new FileVerificationReport
            {
                File = path, Sha256 = sha256, Indication = SignatureIndication.Indeterminate,
                Messages = ["Tệp PDF đặt mật khẩu mở: không đọc được để kiểm tra chữ ký. Đề nghị nơi gửi cung cấp bản không đặt mật khẩu."],
            };
        }
        catch (Exception e) when (Parsing.IsPdfFailure(e))
        {
            log.Warning(e, "Unreadable PDF {File}", path);
            return Broken(path, sha256, "Tệp PDF hỏng hoặc bị cắt cụt, không đọc được cấu trúc.");
        }
        using (document)
        {
            IReadOnlyList<PdfSignatureField> fields;
            DocumentSecurityStore dss;
            try
            {
                fields = PdfSignatureReader.Read(document, raw);
                dss = DocumentSecurityStore.Read(document);
            }
            catch (Exception e) when (Parsing.IsPdfFailure(e) || e is IOException)
            {
                log.Warning(e, "Unreadable signature fields in {File}", path);
                return Broken(path, sha256, "Không đọc được các trường chữ ký (cấu trúc PDF hỏng).");
            }
            var scan = RawPdfScan.Of(raw);
            var hidden = scan.ByteRangeKeys - fields.Count(f => f.ByteRange is not null);
            if (fields.Count == 0 && hidden <= 0)
                return new FileVerificationReport
                {
                    File = path, Sha256 = sha256, Indication = SignatureIndication.NoSignature, Messages = ["Tệp PDF không có chữ ký số."],
                };
            var context = Context(dss.Certificates, dss.Crls, dss.OcspResponses);
            var messages = new List<string>(dss.Problems);
            var signatures = new List<SignatureReport>();
            foreach (var field in fields.OrderBy(f => f.ByteRange?.End ?? long.MaxValue))
            {
                cancellationToken.ThrowIfCancellationRequested();
                signatures.Add(VerifyField(field, raw, document, path, context));
            }
            var rules = new List<RuleResult> { NoModification(signatures, scan, hidden) };
            if (policy.AppliesAgencyRules)
                rules.AddRange(AgencyRules.Check(signatures.Where(s => s.Kind != SignerKind.Timestamp).ToList(), IssueDate(document)));
            return new FileVerificationReport
            {
                File = path, Sha256 = sha256, Indication = FileVerificationReport.Combine(signatures, rules),
                Signatures = signatures, Rules = rules, Messages = messages,
            };
        }
    }

    private SignatureReport VerifyField(PdfSignatureField field, FileStream raw, PdfDocument document, string path, ValidationContext context)
    {
        if (field.FormatProblem is not null || field.Cms is null || field.ByteRange is null)
        {
            return new SignatureReport
            {
                Field = field.FieldName, Indication = SignatureIndication.TotalFailed, SubIndication = SubIndication.FormatFailure,
                Widget = field.Widget, SigningTime = field.ClaimedTimeInPdf, ModificationsAfter = ModificationLevel.None,
                Messages = [field.FormatProblem ?? SubIndication.FormatFailure.Explanation],
            };
        }
        var range = field.ByteRange;
        SignatureReport report;
        if (field.IsDocumentTimestamp)
        {
            report = DocumentTimestamp(field, raw, context);
        }
        else
        {
            var cms = CmsSignatureVerifier.Verify(field.Cms, new ByteRangeContent(raw, range), field.SubFilter);
            report = SignatureValidator.Validate(field.FieldName, cms, field.ClaimedTimeInPdf, context);
            if (field.SubFilter == "ETSI.CAdES.detached" && cms.Failure is null && !cms.HasSigningCertificateReference)
                report = report with
                {
                    Indication = SignatureIndication.Indeterminate, SubIndication = SubIndication.NoSigningCertificateFound,
                    Messages = [.. report.Messages, "Chữ ký ETSI.CAdES.detached thiếu thuộc tính signing-certificate-v2."],
                };
        }
        var whole = range.End == raw.Length;
        var (level, changes) = whole ? (ModificationLevel.None, (IReadOnlyList<string>)[]) : PostSigningChanges.Analyse(document, () => OpenRead(path), range.End);
        return report with { Widget = field.Widget, CoversWholeDocument = whole, ModificationsAfter = level, Changes = changes };
    }

    private static SignatureReport DocumentTimestamp(PdfSignatureField field, FileStream raw, ValidationContext context)
    {
        var stamp = TimestampReader.Read(field.Cms!, new ByteRangeContent(raw, field.ByteRange!));
        var report = new SignatureReport { Field = field.FieldName, Indication = SignatureIndication.TotalPassed, Kind = SignerKind.Timestamp };
        if (stamp is null || stamp.Problem is not null)
            return report with
            {
                Indication = SignatureIndication.TotalFailed, SubIndication = SubIndication.HashFailure,
                Messages = [stamp?.Problem ?? "Dấu thời gian tài liệu hỏng."],
            };
        var chain = CertificateChainBuilder.Build(stamp.TsaCertificate!, stamp.Certificates.Concat(context.ExtraCertificates), context.Trust.Anchors);
        return report with
        {
            Signer = SignerIdentity.From(stamp.TsaCertificate!), SigningTime = stamp.Time, TimeSource = TimeSource.Timestamp,
            Indication = chain is null ? SignatureIndication.Indeterminate : SignatureIndication.TotalPassed,
            SubIndication = chain is null ? SubIndication.NoCertificateChainFound : null,
            Messages = ["Dấu thời gian tài liệu (document timestamp)."],
        };
    }

    private static RuleResult NoModification(IReadOnlyList<SignatureReport> signatures, RawPdfScan scan, int hidden)
    {
        var changes = signatures.Where(s => s.ModificationsAfter == ModificationLevel.Disallowed).SelectMany(s => s.Changes).Distinct().ToList();
        if (hidden > 0)
            changes.Add($"Tệp chứa {hidden} chữ ký không còn xuất hiện trong biểu mẫu của phiên bản cuối (chữ ký bị gỡ hoặc tài liệu bị thay bằng phiên bản khác).");
        if (!scan.EndsWithCompleteRevision)
            changes.Add("Sau phiên bản cuối cùng có dữ liệu không hợp lệ (không kết thúc bằng %%EOF): tệp bị cắt cụt hoặc bị chèn thêm nội dung.");
        return changes.Count == 0
            ? new RuleResult(RuleResult.NoModificationAfterSigning, true, true, "Không có thay đổi trái phép sau khi ký.")
            : new RuleResult(RuleResult.NoModificationAfterSigning, false, true, "Tài liệu bị sửa đổi sau khi ký: " + string.Join(" ", changes));
    }

    private DateOnly? IssueDate(PdfDocument document)
    {
        try
        {
            return document.NumberOfPages > 0 ? IssueDateFinder.Find(document.GetPage(1).Text) : null;
        }
        catch (Exception e) when (Parsing.IsPdfFailure(e))
        {
            log.Debug(e, "No text on page 1");
            return null;
        }
    }

    private async Task<FileVerificationReport> VerifyDetachedAsync(string path, string sha256, CancellationToken cancellationToken)
    {
        var cmsBytes = await File.ReadAllBytesAsync(path + ".p7s", cancellationToken).ConfigureAwait(false);
        var cms = CmsSignatureVerifier.Verify(PemOrDer(cmsBytes), new DetachedFileContent(path));
        // A detached signature covers the whole file by construction; a changed byte is a hash failure.
        var report = SignatureValidator.Validate(Path.GetFileName(path) + ".p7s", cms, null, Context([], [], []))
            with { CoversWholeDocument = true };
        var signatures = new[] { report };
        return new FileVerificationReport
        {
            File = path, Sha256 = sha256, Indication = FileVerificationReport.Combine(signatures, []), Signatures = signatures,
        };
    }

    /// <summary>openssl writes .p7s as PEM unless told DER; both are the same CMS.</summary>
    private static byte[] PemOrDer(byte[] bytes)
    {
        var text = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64));
        if (!text.StartsWith("-----BEGIN", StringComparison.Ordinal)) return bytes;
        var body = string.Concat(System.Text.Encoding.ASCII.GetString(bytes).Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        try
        {
            return Convert.FromBase64String(body.Trim());
        }
        catch (FormatException)
        {
            return bytes;
        }
    }

    private readonly SignatureCheckCache _checks = new();

    private ValidationContext Context(IReadOnlyList<X509Certificate> certificates, IReadOnlyList<X509Crl> crls, IReadOnlyList<BasicOcspResp> ocsps) =>
        new(trust, policy, new RevocationChecker([.. trust.Crls, .. crls], ocsps, _checks), certificates, clock.GetUtcNow()) { Checks = _checks };

    private static FileVerificationReport Broken(string path, string sha256, string message) => new()
    {
        File = path, Sha256 = sha256, Indication = SignatureIndication.TotalFailed, Messages = [message],
    };
}
