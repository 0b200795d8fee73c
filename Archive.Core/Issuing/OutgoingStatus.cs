namespace Archive.Core.Issuing;

/// <summary>
/// Where an outgoing document stands on its way out (Điều 12, 13): drafted, presented for signing (trình ký), signed by the person
/// with authority, numbered with the organisation's signature added (filed into its dossier), issued to its recipients, recalled.
/// </summary>
public enum OutgoingStatus
{
    Draft = 0,
    Submitted = 1,
    Signed = 2,
    Numbered = 3,
    Issued = 4,
    Recalled = 5,
}
