using System.Globalization;
using Archive.Core.Catalog;

namespace Archive.Core.Application;

/// <summary>
/// Reads typed values out of <see cref="Tt02Metadata"/>, collecting every problem (each naming its
/// field) instead of stopping at the first, so the user can fix a metadata file in one pass.
/// </summary>
internal sealed class MetadataBinder(Tt02Metadata metadata)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public string? Text(Tt02Field field, bool required = false)
    {
        var value = metadata[field.Tag];
        if (value is null && required) _errors.Add(ValidationError.For(field, "bắt buộc, chưa có giá trị."));
        return value;
    }

    public T? Value<T>(Tt02Field field, Func<string, T> parse, bool required = false) where T : class
    {
        var text = Text(field, required);
        if (text is null) return null;
        try
        {
            return parse(text);
        }
        catch (CatalogValidationException e)
        {
            // The value type names itself; the user needs to see the field they wrote.
            foreach (var error in e.Errors)
                _errors.Add(ValidationError.For(field, error.Detail));
            return null;
        }
    }

    public int? Number(Tt02Field field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        _errors.Add(ValidationError.For(field, $"\"{text}\" không phải số nguyên không âm."));
        return null;
    }

    public DateOnly? Date(Tt02Field field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _errors.Add(ValidationError.For(field, $"\"{text}\" không phải ngày hợp lệ (dạng yyyy-MM-dd hoặc dd/MM/yyyy)."));
        return null;
    }

    public void Add(ValidationError error) => _errors.Add(error);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new CatalogValidationException(_errors);
    }
}
