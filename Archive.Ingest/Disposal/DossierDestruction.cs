using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Disposal;
using Archive.Core.Indexing;
using Archive.Ingest.Records;
using Serilog;

namespace Archive.Ingest.Disposal;

/// <summary>
/// Destroys dossiers whose destruction was approved: checks them, writes the destruction record (PDF/A, signed with the agency
/// key), has <see cref="DisposalService"/> destroy them with the record and remove their content, and leaves their documents in
/// the search index by metadata only. Run again after a crash, it finishes removing what an interrupted run left.
/// </summary>
public sealed class DossierDestruction(DisposalService disposal, CatalogService catalog, ArchiveIndexing indexing,
    AgencyRecordSigner signer, TimeProvider clock, ILogger log)
{
    private readonly ILogger _log = log.ForContext<DossierDestruction>();

    public async Task<Destruction> DestroyAsync(IReadOnlyList<string> codes, Actor actor, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var plan = disposal.Plan(codes, actor);
        var warnings = new List<string>();
        var results = new List<Destruction>();
        if (plan.ToDestroy.Count > 0)
        {
            var now = clock.GetLocalNow();
            var organ = plan.ToDestroy[0].Dossier.OrganId.Value;
            var id = $"HUY.{organ}.{now:yyyyMMdd'T'HHmmss}";
            progress?.Report($"Lập biên bản hủy {id}: {plan.ToDestroy.Count} hồ sơ, {plan.ToDestroy.Sum(d => d.Files.Count)} tệp…");
            var pdf = await new DestructionRecord().WriteAsync(plan.ToDestroy, catalog.Agency(organ, actor).Name, id, now, actor.Name,
                cancellationToken).ConfigureAwait(false);
            var signed = await signer.SignAsync(pdf, cancellationToken).ConfigureAwait(false);
            if (signed is null) warnings.Add($"Biên bản hủy {AgencyRecordSigner.NoKeyWarning}.");
            results.Add(await disposal.DestroyAsync(plan, id, signed ?? pdf, actor, cancellationToken).ConfigureAwait(false));
        }
        if (plan.Unfinished.Count > 0)
        {
            progress?.Report($"Hoàn tất việc xóa nội dung của {plan.Unfinished.Count} hồ sơ đã hủy ở lần chạy trước…");
            var (files, bytes) = disposal.Purge(plan.Unfinished.Select(d => d.FileCode.Value).ToList(), actor);
            var first = plan.Unfinished[0];
            results.Add(new Destruction(first.DestroyedIn!, first.DestructionRecord!,
                plan.Unfinished.Select(d => d.FileCode.Value).ToList(), plan.Unfinished.Sum(d => d.DocTotal), files, bytes, []));
        }
        var documents = results.SelectMany(r => r.Dossiers).SelectMany(code => catalog.Dossier(code, actor).Documents)
            .Select(d => d.Id).ToList();
        // Still findable by their metadata, no longer by their text.
        if (await indexing.AddAsync(documents, cancellationToken).ConfigureAwait(false) is { } warning) warnings.Add(warning);
        _log.Information("Destroyed {Dossiers} dossiers under {Record}: {Files} files, {Bytes} bytes removed",
            results.SelectMany(r => r.Dossiers).ToList(), results[0].Record, results.Sum(r => r.FilesRemoved),
            results.Sum(r => r.BytesRemoved));
        return results[0] with
        {
            Dossiers = results.SelectMany(r => r.Dossiers).ToList(), Documents = results.Sum(r => r.Documents),
            FilesRemoved = results.Sum(r => r.FilesRemoved), BytesRemoved = results.Sum(r => r.BytesRemoved), Warnings = warnings,
        };
    }
}
