using System.Globalization;
using Archive.Core.Catalog;
using Microsoft.AspNetCore.Http;
using Field = Archive.Core.Catalog.Tt02Fields.Dossier;

namespace Archive.Web.Pages.HoSo;

/// <summary>
/// A dossier as a form shows it: the text of each TT 02 field as the user typed it, and the errors the catalog found, each
/// under the field it names (those of fields not on the form, such as the composed code, above the form).
/// </summary>
public sealed class DossierForm
{
    /// <summary>The parts of the code: typed when a dossier is opened, fixed afterwards.</summary>
    public static readonly IReadOnlyList<Tt02Field> CodeFields = [Field.OrganId, Field.FileCatalog, Field.FileNotation];

    /// <summary>What describes the dossier, in the order of the form.</summary>
    public static readonly IReadOnlyList<Tt02Field> Described =
    [
        Field.Title, Field.Maintenance, Field.Rights, Field.Language, Field.Creator, Field.Keyword, Field.InforSign,
        Field.Description, Field.Format, Field.Identifier,
    ];

    /// <summary>The fields of a new dossier: its code's parts, then its description.</summary>
    public static readonly IReadOnlyList<Tt02Field> NewFields = [.. CodeFields, .. Described];

    /// <summary>Fields edited once the dossier exists; the number of paper sheets can only be counted by hand.</summary>
    public static readonly IReadOnlyList<Tt02Field> Editable = [.. Described, Field.SheetTotal];

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    private DossierForm(IReadOnlyList<Tt02Field> fields, Dictionary<string, string> values)
    {
        Fields = fields;
        _values = values;
    }

    public IReadOnlyList<Tt02Field> Fields { get; }

    /// <summary>Errors that name no field on the form.</summary>
    public List<string> Problems { get; } = [];

    public bool HasErrors => Problems.Count > 0 || _errors.Count > 0;

    public Tt02Metadata Metadata => _values.Aggregate(Tt02Metadata.Empty, (m, pair) => m.With(pair.Key, pair.Value));

    public string Value(Tt02Field field) => _values.GetValueOrDefault(field.Tag, "");

    public IReadOnlyList<string> ErrorsOf(Tt02Field field) => _errors.TryGetValue(field.Tag, out var list) ? list : [];

    /// <summary>A new dossier's form: the user's agency, this year, open for use, in Vietnamese.</summary>
    public static DossierForm ForNew(AgencyCode? agency, int year, string? creator) => new(NewFields,
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Field.OrganId.Tag] = agency?.Value ?? "", [Field.FileCatalog.Tag] = year.ToString(CultureInfo.InvariantCulture),
            [Field.Rights.Tag] = AccessMode.Open.Name, [Field.Language.Tag] = LanguageCode.Vietnamese.Value,
            [Field.Creator.Tag] = creator ?? "",
        });

    public static DossierForm ForEdit(Dossier dossier) => new(Editable, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Field.Title.Tag] = dossier.Title, [Field.Maintenance.Tag] = dossier.Maintenance.Value, [Field.Rights.Tag] = dossier.Rights.Name,
        [Field.Language.Tag] = dossier.Language.Value, [Field.Creator.Tag] = dossier.Creator ?? "",
        [Field.Keyword.Tag] = dossier.Keyword ?? "", [Field.InforSign.Tag] = dossier.InforSign ?? "",
        [Field.Description.Tag] = dossier.Description ?? "", [Field.Format.Tag] = dossier.Format ?? "",
        [Field.Identifier.Tag] = dossier.Identifier,
        [Field.SheetTotal.Tag] = dossier.SheetTotal == 0 ? "" : dossier.SheetTotal.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>What was posted, for the given fields only: anything else in the post is not the dossier's.</summary>
    public static DossierForm Posted(IFormCollection form, IReadOnlyList<Tt02Field> fields) => new(fields,
        fields.Where(f => !string.IsNullOrWhiteSpace(form[f.Tag]))
            .ToDictionary(f => f.Tag, f => form[f.Tag].ToString(), StringComparer.Ordinal));

    /// <summary>Places each error beside its field, without repeating the field's name there.</summary>
    public void Show(CatalogValidationException refusal)
    {
        foreach (var error in refusal.Errors)
        {
            if (!Fields.Contains(error.Field)) Problems.Add(error.Message);
            else if (_errors.TryGetValue(error.Field.Tag, out var list)) list.Add(error.Detail);
            else _errors[error.Field.Tag] = [error.Detail];
        }
    }
}
