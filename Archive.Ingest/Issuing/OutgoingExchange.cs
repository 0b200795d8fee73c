using Archive.Core.Issuing;
using Archive.Core.Storage;

namespace Archive.Ingest.Issuing;

/// <summary>
/// The outgoing exchange folder the document interconnection axis (trục liên thông) takes envelopes from
/// (Archive:Exchange:Outgoing; by default "exchange/outgoing" in the data folder). One file per document and recipient,
/// written beside its final name and renamed when whole and on disk, so the axis never takes half an envelope.
/// </summary>
public sealed class OutgoingExchange(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public static OutgoingExchange In(DataFolder data) => new(Path.Combine(data.Root, "exchange", "outgoing"));

    /// <summary>The envelope's file name: the document's identifier and the recipient's, safe on any file system.</summary>
    public static string FileName(OutgoingDocument document, OutgoingRecipient recipient, bool recall) =>
        $"{Safe(document.ExchangeId ?? document.Id)}--{Safe(recipient.OrganId)}{(recall ? ".thu-hoi" : "")}.edxml";

    public async Task<string> WriteAsync(OutgoingDocument document, OutgoingRecipient recipient,
        Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken, bool recall = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileName(document, recipient, recall));
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, path, overwrite: true);
            DurableFile.FlushDirectory(Folder);
            return path;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static string Safe(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}
