using System.Collections.Immutable;

namespace Archive.Core.Catalog;

/// <summary>Thrown when a catalog value or record breaks TT 02 rules; carries every error found.</summary>
public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException(ValidationError error)
        : this(ImmutableArray.Create(error))
    {
    }

    public CatalogValidationException(IEnumerable<ValidationError> errors)
        : this(errors.ToImmutableArray())
    {
    }

    private CatalogValidationException(ImmutableArray<ValidationError> errors)
        : base(errors.IsEmpty
            ? throw new ArgumentException("At least one validation error is required.", nameof(errors))
            : string.Join("; ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
