using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Copies;
using Archive.Core.Storage;
using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Ingest.Copies;

/// <summary>
/// Issues an approved copy (NĐ 30/2020 Điều 26): reserves its number, makes and signs it from the document's PDF/A (a SAO LỤC
/// from the signed SAO Y it copies), keeps the signed file, registers it, and writes it out for the recipient.
/// Nothing is registered unless the signed copy was made; a failed attempt keeps its reserved number for the next.
/// </summary>
public sealed class CopyIssuing(ArchiveStore store, CopyService copies, DocumentContent content, CopyIssuingOptions options,
    TimeProvider clock, ILogger log)
{
    private readonly CopyDocumentBuilder _builder = new();

    /// <param name="keySource">
    /// The organisation's key; null for the one the agency configured (<see cref="CopyIssuingOptions.AgencyKey"/>).
    /// </param>
    /// <param name="output">A new file the copy is also written to; null to keep it only in the archive (the web hands it out).</param>
    public async Task<CopyRegisterEntry> IssueAsync(string requestId, SigningKeySource? keySource, string? output, Actor actor,
        CancellationToken cancellationToken)
    {
        var keys = keySource ?? options.AgencyKey
            ?? throw new InvalidRequestException("Chưa có khoá ký của cơ quan để ký bản sao: quản trị viên cấu hình Archive:Copies:Key " +
                                                 "(tệp PKCS#12 hoặc thiết bị ký PKCS#11).");
        if (output is not null && File.Exists(output))
            throw new InvalidRequestException($"Tệp '{output}' đã có; bản sao không ghi đè tệp nào.");
        var issue = copies.Reserve(requestId, actor);
        var folder = Directory.CreateTempSubdirectory("archive-copy-").FullName;
        try
        {
            var source = Path.Combine(folder, "nguon.pdf");
            await WriteSourceAsync(issue, source, actor, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var signedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).ToOffset(AgencyRules.VietnamOffset);
            CopyStamp Stamp(CopyForm form, string organ, DateTimeOffset at, string notation, string code) =>
                new(form, organ, at, notation, code, options.AddressOf(code));
            var stamp = Stamp(issue.Request.CopyForm, issue.OrganName, signedAt, issue.Notation, issue.VerificationCode);
            // A SAO LỤC's source already shows the SAO Y's stamp, laid out again from its register line to place the new one.
            var under = issue.SourceCopy is { } copy
                ? Stamp(copy.CopyForm, copy.OrganName, copy.SignedAt, copy.Notation, copy.VerificationCode)
                : null;
            var signed = Path.Combine(folder, "ban-sao.pdf");
            int pageCount;
            using (var http = options.TimestampAuthority is null ? null : new HttpClient())
            using (var key = keys.Open())
            {
                var authority = options.TimestampAuthority is { } tsa ? new HttpTimestampAuthority(http!, tsa) : null;
                try
                {
                    pageCount = await new CertifiedCopyMaker(_builder, authority, log)
                        .MakeAsync(source, issue.Pages, stamp, under, key, signed, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidRequestException(e.Message);
                }
            }
            var work = store.BeginWork();
            StoredBlob blob;
            await using (var file = File.OpenRead(signed))
                blob = await work.AddBlobAsync(file, CopyService.CopyBlobRole, issue.EntryId, cancellationToken).ConfigureAwait(false);
            var entry = copies.Register(work, issue, blob, pageCount, signedAt, actor);
            if (output is not null) File.Copy(signed, output, overwrite: false);
            return entry;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The document's PDF/A, or for a SAO LỤC the SAO Y as it was signed (its hash checked as it is read).</summary>
    private async Task WriteSourceAsync(CopyIssue issue, string path, Actor actor, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        if (issue.SourceCopy is { } copy)
        {
            await using var kept = store.Blobs.OpenRead(Sha256Digest.Parse(copy.Sha256));
            await kept.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            return;
        }
        await using var document = await content.OpenAsync(issue.Request.DocumentId, Representation.PdfA, actor, cancellationToken)
            .ConfigureAwait(false);
        await document.Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
    }
}
