namespace Archive.Ingest.Signatures;

/// <summary>
/// One signed signature field of a PDF as read from the file, before any cryptography: the /Sig
/// dictionary's values, the CMS bytes taken from the raw file inside the /ByteRange gap, and the
/// format problem that makes it FORMAT_FAILURE, if any.
/// </summary>
public sealed record PdfSignatureField
{
    public required string FieldName { get; init; }
    public string? SubFilter { get; init; }
    public ByteRange? ByteRange { get; init; }
    public byte[]? Cms { get; init; }

    /// <summary>The /M entry: a time the signing software claims, not a proof of anything.</summary>
    public DateTimeOffset? ClaimedTimeInPdf { get; init; }
    public WidgetPlacement? Widget { get; init; }

    /// <summary>Why the signature is malformed (Vietnamese, for the report); null when well formed.</summary>
    public string? FormatProblem { get; init; }

    /// <summary>False for a signature found only as a widget on a page, not in the AcroForm's field list.</summary>
    public bool ListedInForm { get; init; } = true;

    /// <summary>A document timestamp (ETSI.RFC3161) rather than a signature.</summary>
    public bool IsDocumentTimestamp => SubFilter == "ETSI.RFC3161";
}
