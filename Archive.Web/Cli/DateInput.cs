using System.Globalization;

namespace Archive.Web.Cli;

/// <summary>A date typed on the command line: yyyy-MM-dd, or a message naming what was wrong.</summary>
public static class DateInput
{
    public static DateOnly? Optional(string? text, string what) => text is null ? null : Required(text, what);

    public static DateOnly Required(string? text, string what) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserInputException($"{what} '{text}' không phải ngày yyyy-MM-dd.");
}
