using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Copies;
using Archive.Core.Storage;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Ingest.Copies;

/// <summary>
/// Issues an approved copy (NĐ 30/2020 Điều 26): reserves its number, makes and signs it from the document's PDF/A, keeps the
/// signed file, registers it, and writes it out for the recipient.
/// Nothing is registered unless the signed copy was made; a failed attempt keeps its reserved number for the next.
/// </summary>
public sealed class CopyIssuing(ArchiveStore store, CopyService copies, DocumentContent content, CopyIssuingOptions options,
    TimeProvider clock, ILogger log)
{
    private readonly CertifiedCopyMaker _maker = new(new CopyDocumentBuilder(), log);

    public async Task<CopyRegisterEntry> IssueAsync(string requestId, SigningKeySource keySource, string output, Actor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keySource);
        if (File.Exists(output)) throw new InvalidRequestException($"Tệp '{output}' đã có; bản sao không ghi đè tệp nào.");
        var issue = copies.Reserve(requestId, actor);
        var folder = Directory.CreateTempSubdirectory("archive-copy-").FullName;
        try
        {
            var source = Path.Combine(folder, "nguon.pdf");
            await WriteSourceAsync(issue, source, actor, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var signedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).ToOffset(Signatures.AgencyRules.VietnamOffset);
            var stamp = new CopyStamp(issue.Request.CopyForm, issue.OrganName, signedAt, issue.Notation, issue.VerificationCode,
                options.AddressOf(issue.VerificationCode));
            var signed = Path.Combine(folder, "ban-sao.pdf");
            using (var key = keySource.Open())
            {
                try
                {
                    await _maker.MakeAsync(source, issue.Pages, stamp, key, signed, cancellationToken).ConfigureAwait(false);
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
            var entry = copies.Register(work, issue, blob, signedAt, actor);
            File.Copy(signed, output, overwrite: false);
            return entry;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task WriteSourceAsync(CopyIssue issue, string path, Actor actor, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using var document = await content.OpenAsync(issue.Request.DocumentId, Representation.PdfA, actor, cancellationToken)
            .ConfigureAwait(false);
        await document.Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
    }
}
