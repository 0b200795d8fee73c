namespace Archive.Core.Registry;

/// <summary>Which inbox items a list shows: a status, only the urgent ones, and words of the file name or the sender.</summary>
public sealed record InboxFilter(InboxStatus? Status = null, bool UrgentOnly = false, string? Text = null)
{
    public bool Matches(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Status is { } status && item.Status != status) return false;
        if (UrgentOnly && !item.Urgent) return false;
        if (string.IsNullOrWhiteSpace(Text)) return true;
        // With or without diacritics, as the search box.
        var haystack = Catalog.VietnameseText.Fold($"{item.SourceName} {item.SenderOrganName} {item.SenderOrganId}");
        return Catalog.VietnameseText.Fold(Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(haystack.Contains);
    }
}
