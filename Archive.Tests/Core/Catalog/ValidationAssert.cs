using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

internal static class ValidationAssert
{
    /// <summary>Some error names the field first (by its Vietnamese name) and explains with <paramref name="fragment"/>.</summary>
    public static void HasError(IReadOnlyList<ValidationError> errors, string fieldName, string fragment)
    {
        Assert.That(errors, Is.Not.Empty, "expected a validation error");
        Assert.That(
            errors.Any(e => e.Field.VietnameseName == fieldName
                && e.Message.StartsWith(fieldName + ": ", StringComparison.Ordinal)
                && e.Message.Contains(fragment, StringComparison.Ordinal)),
            Is.True,
            $"expected an error \"{fieldName}: …{fragment}…\", got: {string.Join(" | ", errors.Select(e => e.Message))}");
    }

    public static void IsValid(IReadOnlyList<ValidationError> errors) =>
        Assert.That(errors.Select(e => e.Message), Is.Empty);
}
