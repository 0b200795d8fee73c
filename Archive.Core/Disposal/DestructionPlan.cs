using Archive.Core.Catalog;

namespace Archive.Core.Disposal;

/// <summary>
/// Dossiers checked for destruction (<see cref="Application.DisposalService.Plan"/>): those to destroy now, with what their
/// documents have in the blob store, and those destroyed earlier whose content is not all removed yet (an interrupted run).
/// </summary>
public sealed record DestructionPlan
{
    internal DestructionPlan(IReadOnlyList<DossierContent> toDestroy, IReadOnlyList<Dossier> unfinished)
    {
        ToDestroy = toDestroy;
        Unfinished = unfinished;
    }

    public IReadOnlyList<DossierContent> ToDestroy { get; }

    public IReadOnlyList<Dossier> Unfinished { get; }
}
