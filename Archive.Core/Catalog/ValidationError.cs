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

    /// <summary>The message without the field's name: what a form shows beside the field.</summary>
    public string Detail => Message.StartsWith(Field.VietnameseName + ": ", StringComparison.Ordinal)
        ? Message[(Field.VietnameseName.Length + 2)..]
        : Message;

    public override string ToString() => Message;
}
