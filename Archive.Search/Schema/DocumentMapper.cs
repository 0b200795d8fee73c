using System.Globalization;
using Archive.Core.Indexing;
using Archive.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.Search.Schema;

/// <summary>Turns an <see cref="IndexedDocument"/> into the Lucene fields of <see cref="IndexFields"/>.</summary>
internal static class DocumentMapper
{
    /// <summary>
    /// The exact and pair forms only add to scores, term by term: they keep neither positions nor
    /// frequencies nor length norms, which makes indexing faster and the index smaller. Phrases
    /// are matched on the folded form.
    /// </summary>
    private static readonly FieldType RankingOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_ONLY,
        OmitNorms = true,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public static Document ToLucene(IndexedDocument indexed, Analyzer analyzer)
    {
        var d = indexed.Document;
        var doc = new Document
        {
            new StringField(IndexFields.Id, d.Id, Field.Store.YES),
            new StringField(IndexFields.Organ, d.OrganId.Value, Field.Store.NO),
            new StringField(IndexFields.FileCode, d.FileCode.Value.ToUpperInvariant(), Field.Store.NO),
            new StoredField(IndexFields.StoredFileCode, d.FileCode.Value),
            new StringField(IndexFields.Mode, d.Mode.Code, Field.Store.NO),
            new SortedDocValuesField(IndexFields.Mode, new BytesRef(d.Mode.Name)),
            new StringField(IndexFields.Retention, NotationKey.Of(indexed.Retention.Value), Field.Store.NO),
            new SortedDocValuesField(IndexFields.Retention, new BytesRef(indexed.Retention.Value)),
        };

        AddText(doc, IndexFields.TypeName, d.TypeName, facet: true);
        AddText(doc, IndexFields.OrganName, d.OrganName, facet: true);
        AddText(doc, IndexFields.DossierTitle, indexed.DossierTitle, facet: false);
        if (!string.IsNullOrWhiteSpace(indexed.Signer)) AddText(doc, IndexFields.Signer, indexed.Signer, facet: false);
        doc.Add(new StoredField(IndexFields.StoredTypeName, d.TypeName));
        doc.Add(new StoredField(IndexFields.StoredOrganName, d.OrganName));

        if (!string.IsNullOrWhiteSpace(d.Subject))
        {
            var subject = AnalysedText.Of(analyzer, IndexFields.Exact(IndexFields.Subject), [d.Subject]);
            doc.Add(new Field(IndexFields.Exact(IndexFields.Subject), subject.Stream(AnalysisForm.Exact, withDiacriticsOnly: true), RankingOnly));
            doc.Add(new TextField(IndexFields.Folded(IndexFields.Subject), subject.Stream(AnalysisForm.Folded)));
            doc.Add(new StoredField(IndexFields.StoredSubject, d.Subject));
        }
        if (!string.IsNullOrWhiteSpace(indexed.FullText))
            doc.Add(new StoredField(IndexFields.StoredText, indexed.FullText));

        var notation = d.Notation?.Value ?? JoinNotation(d.CodeNumber, d.CodeNotation);
        if (notation is not null)
        {
            doc.Add(new StringField(IndexFields.Notation, NotationKey.Of(notation), Field.Store.NO));
            doc.Add(new StoredField(IndexFields.StoredNotation, notation));
        }

        if (d.IssuedDate is { } date)
        {
            var day = DayNumber(date);
            doc.Add(new Int32Field(IndexFields.IssuedDate, day, Field.Store.NO));
            doc.Add(new NumericDocValuesField(IndexFields.IssuedDate, day));
            doc.Add(new StoredField(IndexFields.StoredDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            doc.Add(new Int32Field(IndexFields.Year, date.Year, Field.Store.NO));
            doc.Add(new SortedDocValuesField(IndexFields.Year, new BytesRef(date.Year.ToString(CultureInfo.InvariantCulture))));
        }

        // The catch-all text, in its three forms; each part is a value of its own, so that phrases
        // and syllable pairs never join the end of one part to the start of the next.
        var all = AnalysedText.Of(analyzer, IndexFields.Exact(IndexFields.All),
            [d.Subject, notation, d.TypeName, d.OrganName, indexed.Signer, indexed.DossierTitle, d.Keyword, d.Description, indexed.FullText]);
        doc.Add(new Field(IndexFields.Exact(IndexFields.All), all.Stream(AnalysisForm.Exact, withDiacriticsOnly: true), RankingOnly));
        doc.Add(new TextField(IndexFields.Folded(IndexFields.All), all.Stream(AnalysisForm.Folded)));
        doc.Add(new Field(IndexFields.Bigrams(IndexFields.All), all.Stream(AnalysisForm.FoldedBigrams), RankingOnly));
        return doc;
    }

    /// <summary>A date as the integer yyyyMMdd: ordered like the date, readable in the index.</summary>
    public static int DayNumber(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    private static void AddText(Document doc, string field, string value, bool facet)
    {
        doc.Add(new TextField(IndexFields.Folded(field), value, Field.Store.NO));
        if (facet) doc.Add(new SortedDocValuesField(field, new BytesRef(value.Trim())));
    }

    // A notation the catalog could not parse is still worth finding by what was written.
    private static string? JoinNotation(string? number, string? notation) =>
        string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(notation) ? null : $"{number.Trim()}/{notation.Trim()}";
}
