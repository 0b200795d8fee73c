namespace Archive.Core.Catalog;

/// <summary>
/// One broken rule. <see cref="Message"/> is Vietnamese and starts with the field's
/// Vietnamese name, so it can be shown to the records officer as is.
/// </summary>
public sealed record ValidationError(Tt02Field Field, string Message)
{
    /// <summary>Builds the message as "&lt;field name&gt;: &lt;detail&gt;" so the field is always named.</summary>
    public static ValidationError For(Tt02Field field, string detail) =>
        new(field, $"{field.VietnameseName}: {detail}");

    public override string ToString() => Message;
}
