using System.Text;
using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Ingest.Conversion;
using Archive.Ingest.Formats;
using Serilog;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// After filing: the PDF/A-2b preservation copy with its TT 02 XMP, and the extracted text, stored
/// beside the untouched original and recorded as a PREMIS migration. A converter that fails raises a
/// problem for the archivist and leaves the filed document as it is; it never stops other documents.
/// </summary>
public sealed class DocumentPreservation(PreservationCopyConverter converter, Func<string, ArchiveStore> storeOfDossier, TimeProvider clock,
    ILogger log) : IDisposable
{
    public const string PdfARole = DocumentFiling.PdfARole;
    public const string TextRole = "text";
    private const string Agent = "archive ingest (Ghostscript / LibreOffice / OCRmyPDF)";
    private readonly ILogger _log = log.ForContext<DocumentPreservation>();

    /// <returns>Null when the copy is stored; otherwise why not, in Vietnamese.</returns>
    public async Task<string?> PreserveAsync(IngestDocument document, Actor actor, CancellationToken cancellationToken)
    {
        var filed = document.Document ?? throw new InvalidOperationException("Only a filed document gets a preservation copy.");
        var store = storeOfDossier(filed.FileCode.Value);
        if (KindOf(document.Format?.Format) is not { } kind)
            return await FailAsync(store, actor, document, $"Không có cách tạo bản PDF/A cho định dạng {document.Format?.Format}.").ConfigureAwait(false);
        var output = Path.Combine(Path.GetTempPath(), $"archive-pdfa-{Guid.NewGuid():N}.pdf");
        try
        {
            var copy = await converter.ConvertAsync(new ConversionRequest(document.Path, kind, filed, output, document.PdfStructure), cancellationToken).ConfigureAwait(false);
            var work = store.BeginWork();
            await using (var pdfa = File.OpenRead(copy.PdfAPath))
                await work.AddBlobAsync(pdfa, PdfARole, filed.Id, cancellationToken).ConfigureAwait(false);
            await work.AddBlobAsync(new MemoryStream(Encoding.UTF8.GetBytes(copy.Text)), TextRole, filed.Id, cancellationToken).ConfigureAwait(false);
            await work.CommitAsync(actor, session =>
            {
                session.Events.Insert(new PreservationEvent
                {
                    Type = PremisEventType.Migration, At = clock.GetLocalNow(), ObjectId = filed.Id, Agent = Agent, Outcome = PremisEventType.Success,
                    Detail = $"PDF/A-2b via {copy.Report.Route}; {string.Join("; ", copy.Report.Notes)}",
                });
                session.Record(new AuditChange("document.preserve", "ArchivedDocument", filed.Id, null,
                    JsonSerializer.Serialize(new { Route = copy.Report.Route.ToString(), copy.Report.Notes })));
                Done(session, document.InboxItem);
                return 0;
            }).ConfigureAwait(false);
            return null;
        }
        catch (ConversionException e)
        {
            _log.Error(e, "Preservation copy of {Document} failed", filed.Id);
            return await FailAsync(store, actor, document, $"Chưa tạo được bản PDF/A để bảo quản: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// The preservation copy of a document accepted from the inbox outside an ingest run's own flow: by the officer
    /// (`archive inbox accept`), or by a run that stopped between filing and preservation (see <see cref="Backlog"/>).
    /// </summary>
    /// <returns>Null when the copy is stored; otherwise why not, in Vietnamese.</returns>
    public Task<string?> PreserveAcceptedAsync(RecordsInbox inbox, InboxItem item, ArchivedDocument filed, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(item);
        var original = inbox.ReceivedFile(item);
        var document = new IngestDocument(original, item.SourceName, Tt02Metadata.Empty, filed.FileCode.Value)
        {
            Document = filed, Format = FormatIdentifier.Identify(original), InboxItem = item,
        };
        return PreserveAsync(document, actor, cancellationToken);
    }

    /// <summary>
    /// Documents accepted from the inbox whose preservation copy is neither made nor recorded as failed: a run was
    /// stopped between filing them and converting them. (Inbox items are filed only into the inbox's own catalog, so the
    /// flag is cleared in the same transaction as the copy or the failure.)
    /// </summary>
    public IReadOnlyList<(InboxItem Item, ArchivedDocument Document)> Backlog(RecordsInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        var backlog = new List<(InboxItem, ArchivedDocument)>();
        foreach (var item in inbox.AwaitingPreservation())
        {
            if (item is not { DocumentId: { } id, TargetDossier: { } dossier }) continue;
            ArchiveStore store;
            try
            {
                store = storeOfDossier(dossier);
            }
            catch (CatalogNotFoundException e)
            {
                _log.Warning("Inbox item {InboxItem} awaits preservation in dossier {Dossier}, which is not found: {Reason}", item.Id, dossier, e.Message);
                continue;
            }
            if (store.Catalog.Read(s => s.Documents.Get(id)) is { } document) backlog.Add((item, document));
        }
        return backlog;
    }

    /// <summary>Stops the converter's Ghostscript workers.</summary>
    public void Dispose() => converter.Dispose();

    private async Task<string> FailAsync(ArchiveStore store, Actor actor, IngestDocument document, string message)
    {
        var documentId = document.Document!.Id;
        await store.Catalog.WriteAsync(actor, session =>
        {
            var now = clock.GetLocalNow();
            session.Events.Insert(new PreservationEvent
            {
                Type = PremisEventType.Migration, At = now, ObjectId = documentId, Agent = Agent, Outcome = PremisEventType.Failure, Detail = message,
            });
            session.Problems.Insert(new Problem { At = now, Kind = "conversion.failed", ObjectId = documentId, Message = message });
            Done(session, document.InboxItem);
            return 0;
        }).ConfigureAwait(false);
        return message;
    }

    /// <summary>The inbox item no longer awaits preservation, in the transaction that records the copy or its failure.</summary>
    private static void Done(ICatalogSession session, InboxItem? item)
    {
        if (item is not null && session.Inbox.Get(item.Id) is { AwaitingPreservation: true } current)
            session.Inbox.Update(current with { AwaitingPreservation = false });
    }

    private static SourceKind? KindOf(FileFormat? format) => format switch
    {
        FileFormat.Pdf => SourceKind.Pdf,
        FileFormat.Docx or FileFormat.Doc or FileFormat.Odt or FileFormat.Xlsx or FileFormat.Xls or FileFormat.Ods => SourceKind.Office,
        FileFormat.Jpeg or FileFormat.Png or FileFormat.Tiff => SourceKind.Image,
        _ => null,
    };
}
