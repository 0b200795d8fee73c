namespace Archive.Core.Copies;

/// <summary>What a user fills in to ask for a copy, as typed.</summary>
/// <param name="Form">sao-y, sao-luc or trich-sao (or SY, SL, TrS).</param>
/// <param name="Pages">For trích sao: "1-3,5".</param>
/// <param name="SourceRequest">For sao lục: the request whose SAO Y it copies.</param>
public sealed record NewCopyRequest(string DocumentId, string Form, string Purpose, string Recipient, string? Pages = null,
    string? SourceRequest = null);
