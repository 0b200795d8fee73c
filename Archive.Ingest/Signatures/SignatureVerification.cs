using System.Runtime.CompilerServices;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Storage;
using Archive.Core.Trust;
using Serilog;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Signature validation (DESIGN.md 4) of files from outside, against a trust folder (by default the data folder's). It needs
/// no open data folder: `archive verify FILE` works beside a running server, or before any archive exists.
/// </summary>
public sealed class SignatureVerification(DataFolder folder, TimeProvider clock, ILogger log)
{
    /// <summary>
    /// Loads the trust anchors and CRLs (by default the data folder's), refusing an unreadable or empty trust folder by name.
    /// </summary>
    public async Task<TrustStore> TrustAsync(string? anchors, string? crls, CancellationToken cancellationToken)
    {
        anchors ??= folder.TrustAnchors;
        TrustStore trust;
        try
        {
            trust = await TrustStore.LoadAsync(anchors, crls ?? folder.TrustCrls, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new TrustMaterialException($"Không tìm thấy thư mục tin cậy '{e.Message}'. Chỉ định thư mục chứng thư gốc, " +
                                             $"hoặc đặt chứng thư gốc vào {folder.TrustAnchors}.");
        }
        catch (InvalidDataException e)
        {
            throw new TrustMaterialException(e.Message);
        }
        return trust.Anchors.Count > 0
            ? trust
            : throw new TrustMaterialException($"Thư mục '{anchors}' không có chứng thư gốc tin cậy nào.");
    }

    /// <summary>
    /// The trust `archive verify` works with from its first minute, as pdfsig does: the default folder missing, or a folder with
    /// no root certificate, still verifies integrity, the CMS and the agency rules, and the chain comes out INDETERMINATE
    /// (NO_CERTIFICATE_CHAIN_FOUND); the hint says how to add the government root. A folder named but not there is an error.
    /// </summary>
    public async Task<(TrustStore Trust, string? Hint)> TrustOrNoneAsync(string? anchors, string? crls,
        CancellationToken cancellationToken)
    {
        var anchorsFolder = anchors ?? folder.TrustAnchors;
        // A folder the user named must be there; the data folder's own may not exist yet.
        var crlFolder = crls ?? (Directory.Exists(folder.TrustCrls) ? folder.TrustCrls : null);
        TrustStore trust;
        if (anchors is null && !Directory.Exists(anchorsFolder)) trust = new TrustStore([], []);
        else
            try
            {
                trust = await TrustStore.LoadAsync(anchorsFolder, crlFolder, cancellationToken).ConfigureAwait(false);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new TrustMaterialException($"Không tìm thấy thư mục '{e.Message}'.");
            }
            catch (InvalidDataException e)
            {
                throw new TrustMaterialException(e.Message);
            }
        return (trust, trust.Anchors.Count == 0 ? NoRootHint(anchorsFolder) : null);
    }

    private string NoRootHint(string anchors) =>
        $"Chưa có chứng thư gốc tin cậy nào (thư mục {anchors}): chữ ký được kiểm tra toàn vẹn, cấu trúc và quy định của cơ quan, " +
        "còn chuỗi chứng thư là INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND. Thêm chứng thư gốc của Chính phủ (Root CA của Ban Cơ yếu " +
        $"Chính phủ) bằng 'archive trust add-anchor TỆP.cer', đặt vào {folder.TrustAnchors}, hoặc chỉ định --trust THƯ-MỤC.";

    public Task<FileVerificationReport> VerifyFileAsync(string path, TrustStore trust, ValidationPolicy policy,
        CancellationToken cancellationToken) =>
        new DocumentVerifier(trust, policy, clock, log).VerifyAsync(path, cancellationToken);

    /// <summary>Several files, verified in parallel (one per core), each report as soon as it and those before it are done.</summary>
    public async IAsyncEnumerable<FileVerificationReport> VerifyFilesAsync(IReadOnlyList<string> paths, TrustStore trust,
        ValidationPolicy policy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var missing = paths.FirstOrDefault(p => !File.Exists(p));
        if (missing is not null) throw new FileNotFoundException($"Không tìm thấy tệp '{missing}'.", missing);
        var verifier = new DocumentVerifier(trust, policy, clock, log);
        using var slots = new SemaphoreSlim(Environment.ProcessorCount);
        var running = paths.Select(async path =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await Task.Run(() => verifier.VerifyAsync(path, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        foreach (var report in running) yield return await report.ConfigureAwait(false);
    }

}

/// <summary>
/// Signature validation of a document in the archive: its original is read like any other read of content (the read level on
/// its dossier, and an access-log entry), then verified as received.
/// </summary>
public sealed class StoredDocumentVerification(DocumentContent content, SignatureVerification files)
{
    public async Task<FileVerificationReport> VerifyAsync(string documentId, TrustStore trust, ValidationPolicy policy, Actor actor,
        CancellationToken cancellationToken)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"archive-verify-{Guid.NewGuid():N}");
        try
        {
            await using (var original = await content.OpenAsync(documentId, Representation.Original, actor, cancellationToken)
                .ConfigureAwait(false))
            await using (var file = new FileStream(copy, FileMode.CreateNew, FileAccess.Write))
                await original.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            return await files.VerifyFileAsync(copy, trust, policy, cancellationToken).ConfigureAwait(false) with { File = documentId };
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
