namespace Archive.Ingest.Signatures;

/// <summary>The bytes a signature covers, written out on demand so that large files are streamed, never held.</summary>
public interface ISignedContent
{
    void WriteTo(Stream destination);
}
