using System.Globalization;

namespace Archive.Core.Catalog;

/// <summary>Collects errors for one record; each check names the field via <see cref="ValidationError.For"/>.</summary>
internal sealed class ValidationErrorCollector
{
    private const string DateFormat = "dd/MM/yyyy"; // TT 02 writes dates dd/mm/yyyy

    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors.AsReadOnly();

    public void Add(ValidationError error) => _errors.Add(error);

    public void Add(Tt02Field field, string detail) => _errors.Add(ValidationError.For(field, detail));

    /// <summary>A reference the type system says is non-null but storage may still hand back as null.</summary>
    public bool Present(Tt02Field field, object? value)
    {
        if (value is not null)
            return true;
        Add(field, "bắt buộc, không được để trống.");
        return false;
    }

    public void Required(Tt02Field field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "bắt buộc, không được để trống.");
        else
            MaxLength(field, value);
    }

    public void RequiredWhenNumbered(Tt02Field field, bool missing)
    {
        if (missing)
            Add(field, "bắt buộc đối với văn bản có số.");
    }

    /// <summary>Checks the field's TT 02 maximum length; null and empty are fine.</summary>
    public void MaxLength(Tt02Field field, string? value)
    {
        if (value is null || field.MaxLength is not { } max)
            return;
        var length = VietnameseText.Length(value);
        if (length > max)
            Add(field, $"dài {length} ký tự, tối đa {max}.");
    }

    /// <summary>Checks a count against its TT 02 digit limit (N4, N10): min..(10^digits − 1).</summary>
    public void Range(Tt02Field field, long? value, long min)
    {
        if (value is not { } v)
            return;
        var max = field.MaxLength is { } digits ? (long)Math.Pow(10, digits) - 1 : long.MaxValue;
        if (v < min || v > max)
            Add(field, $"giá trị {v} không hợp lệ; phải từ {min} đến {max}.");
    }

    public void NotInFuture(Tt02Field field, DateOnly? date, DateOnly today)
    {
        if (date is { } d && d > today)
            Add(field, $"ngày {Format(d)} ở tương lai (hôm nay là {Format(today)}).");
    }

    public void Year(Tt02Field field, int year, DateOnly today)
    {
        if (year < DossierCode.MinYear || year > today.Year)
            Add(field, $"năm {year} không hợp lệ; phải từ {DossierCode.MinYear} đến {today.Year}.");
    }

    public void Defined<TEnum>(Tt02Field field, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            Add(field, "bắt buộc, chưa chọn giá trị hợp lệ.");
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
