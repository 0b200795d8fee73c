namespace Archive.Ingest.Signatures;

/// <summary>The two signed ranges of a PDF signature, read from the file as they are written out.</summary>
internal sealed class ByteRangeContent(Stream file, ByteRange range) : ISignedContent
{
    public void WriteTo(Stream destination)
    {
        Copy(0, range.FirstLength, destination);
        Copy(range.SecondStart, range.SecondLength, destination);
    }

    private void Copy(long start, long length, Stream destination)
    {
        var buffer = new byte[81920];
        file.Position = start;
        while (length > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0) throw new EndOfStreamException("The file ended inside the signed byte range.");
            destination.Write(buffer, 0, read);
            length -= read;
        }
    }
}
