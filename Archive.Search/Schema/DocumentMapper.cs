using System.Globalization;
using Archive.Core.Indexing;
using Archive.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.Search.Schema;

/// <summary>
/// Turns an <see cref="IndexedDocument"/> into the Lucene fields of <see cref="IndexFields"/>. One instance serves one
/// indexing thread: it keeps its fields and analysis from one document to the next, setting new values, as Lucene
/// advises for speed; a document it returns is valid until the next call.
/// </summary>
internal sealed class DocumentMapper
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

    private readonly SyllableTable _syllables;
    private readonly AnalysedText _subject;
    private readonly AnalysedText _all;
    private readonly Field[] _subjectForms;
    private readonly Field[] _allForms;
    private readonly Field _id = new StringField(IndexFields.Id, "", Field.Store.YES);
    private readonly Field _organ = new StringField(IndexFields.Organ, "", Field.Store.NO);
    private readonly Field _fileCode = new StringField(IndexFields.FileCode, "", Field.Store.NO);
    private readonly Field _storedFileCode = new StoredField(IndexFields.StoredFileCode, "");
    private readonly Field _mode = new StringField(IndexFields.Mode, "", Field.Store.NO);
    private readonly Field _modeName = new SortedDocValuesField(IndexFields.Mode, new BytesRef());
    private readonly Field _retention = new StringField(IndexFields.Retention, "", Field.Store.NO);
    private readonly Field _retentionName = new SortedDocValuesField(IndexFields.Retention, new BytesRef());
    private readonly Field _typeName = new TextField(IndexFields.Folded(IndexFields.TypeName), "", Field.Store.NO);
    private readonly Field _typeFacet = new SortedDocValuesField(IndexFields.TypeName, new BytesRef());
    private readonly Field _organName = new TextField(IndexFields.Folded(IndexFields.OrganName), "", Field.Store.NO);
    private readonly Field _organFacet = new SortedDocValuesField(IndexFields.OrganName, new BytesRef());
    private readonly Field _dossierTitle = new TextField(IndexFields.Folded(IndexFields.DossierTitle), "", Field.Store.NO);
    private readonly Field _signer = new TextField(IndexFields.Folded(IndexFields.Signer), "", Field.Store.NO);
    private readonly Field _storedTypeName = new StoredField(IndexFields.StoredTypeName, "");
    private readonly Field _storedOrganName = new StoredField(IndexFields.StoredOrganName, "");
    private readonly Field _storedSubject = new StoredField(IndexFields.StoredSubject, "");
    private readonly Field _storedText = new StoredField(IndexFields.StoredText, "");
    private readonly Field _notation = new StringField(IndexFields.Notation, "", Field.Store.NO);
    private readonly Field _storedNotation = new StoredField(IndexFields.StoredNotation, "");
    private readonly Field _issued = new Int32Field(IndexFields.IssuedDate, 0, Field.Store.NO);
    private readonly Field _issuedOrder = new NumericDocValuesField(IndexFields.IssuedDate, 0);
    private readonly Field _storedDate = new StoredField(IndexFields.StoredDate, "");
    private readonly Field _year = new Int32Field(IndexFields.Year, 0, Field.Store.NO);
    private readonly Field _yearFacet = new SortedDocValuesField(IndexFields.Year, new BytesRef());

    /// <param name="syllableLimit">How many syllables this mapper remembers (see <see cref="SyllableTable"/>).</param>
    public DocumentMapper(Analyzer analyzer, int syllableLimit = SyllableTable.DefaultLimit)
    {
        _syllables = new SyllableTable(syllableLimit);
        _subject = new AnalysedText(analyzer, IndexFields.Exact(IndexFields.Subject), _syllables);
        _all = new AnalysedText(analyzer, IndexFields.Exact(IndexFields.All), _syllables);
        _subjectForms = [new Field(IndexFields.Exact(IndexFields.Subject), _subject.Exact, RankingOnly),
                         new TextField(IndexFields.Folded(IndexFields.Subject), _subject.Folded)];
        _allForms = [new Field(IndexFields.Exact(IndexFields.All), _all.Exact, RankingOnly),
                     new TextField(IndexFields.Folded(IndexFields.All), _all.Folded),
                     new Field(IndexFields.Bigrams(IndexFields.All), _all.Pairs, RankingOnly)];
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public Document ToLucene(IndexedDocument indexed)
    {
        var d = indexed.Document;
        _syllables.StartAfreshIfFull();
        var doc = new Document
        {
            Set(_id, d.Id),
            Set(_organ, d.OrganId.Value),
            Set(_fileCode, d.FileCode.Value.ToUpperInvariant()),
            Set(_storedFileCode, d.FileCode.Value),
            Set(_mode, d.Mode.Code),
            Facet(_modeName, d.Mode.Name),
            Set(_retention, NotationKey.Of(indexed.Retention.Value)),
            Facet(_retentionName, indexed.Retention.Value),
            Set(_typeName, d.TypeName),
            Facet(_typeFacet, d.TypeName.Trim()),
            Set(_organName, d.OrganName),
            Facet(_organFacet, d.OrganName.Trim()),
            Set(_dossierTitle, indexed.DossierTitle),
        };
        if (!string.IsNullOrWhiteSpace(indexed.Signer)) doc.Add(Set(_signer, indexed.Signer));
        doc.Add(Set(_storedTypeName, d.TypeName));
        doc.Add(Set(_storedOrganName, d.OrganName));

        if (!string.IsNullOrWhiteSpace(d.Subject))
        {
            _subject.Analyse([d.Subject]);
            foreach (var form in _subjectForms) doc.Add(form);
            doc.Add(Set(_storedSubject, d.Subject));
        }
        if (!string.IsNullOrWhiteSpace(indexed.FullText)) doc.Add(Set(_storedText, indexed.FullText));

        var notation = d.Notation?.Value ?? JoinNotation(d.CodeNumber, d.CodeNotation);
        if (notation is not null)
        {
            doc.Add(Set(_notation, NotationKey.Of(notation)));
            doc.Add(Set(_storedNotation, notation));
        }

        if (d.IssuedDate is { } date)
        {
            var day = DayNumber(date);
            _issued.SetInt32Value(day);
            _issuedOrder.SetInt64Value(day);
            _year.SetInt32Value(date.Year);
            doc.Add(_issued);
            doc.Add(_issuedOrder);
            doc.Add(Set(_storedDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            doc.Add(_year);
            doc.Add(Facet(_yearFacet, date.Year.ToString(CultureInfo.InvariantCulture)));
        }

        // The catch-all text, in its three forms; each part is a value of its own, so that phrases
        // and syllable pairs never join the end of one part to the start of the next.
        _all.Analyse([d.Subject, notation, d.TypeName, d.OrganName, indexed.Signer, indexed.DossierTitle, d.Keyword, d.Description,
                      indexed.FullText]);
        foreach (var form in _allForms) doc.Add(form);
        return doc;
    }

    private static Field Set(Field field, string value)
    {
        field.SetStringValue(value);
        return field;
    }

    private static Field Facet(Field field, string value)
    {
        field.SetBytesValue(new BytesRef(value));
        return field;
    }

    /// <summary>A date as the integer yyyyMMdd: ordered like the date, readable in the index.</summary>
    public static int DayNumber(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    // A notation the catalog could not parse is still worth finding by what was written.
    private static string? JoinNotation(string? number, string? notation) =>
        string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(notation) ? null : $"{number.Trim()}/{notation.Trim()}";
}
