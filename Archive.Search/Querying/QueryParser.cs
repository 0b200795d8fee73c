using System.Text;

namespace Archive.Search.Querying;

/// <summary>
/// Reads the query language: plain words, <c>"quoted phrases"</c>, <c>field:value</c>,
/// <c>field:"phrase"</c>, <c>field:[from TO to]</c> (<c>{}</c> excludes a bound, <c>*</c> leaves it
/// open), <c>AND</c>, <c>OR</c>, <c>NOT</c> or a leading <c>-</c>, and parentheses. Words side by
/// side must all match. A query that does not parse is never an error: it is searched as plain
/// words, and a notice says so.
/// </summary>
internal static class QueryParser
{
    public static ParsedQuery Parse(string text)
    {
        var notices = new List<string>();
        try
        {
            var root = new Reader(text, notices).ReadQuery();
            return new ParsedQuery(root, notices);
        }
        catch (QuerySyntaxException e)
        {
            notices.Clear();
            notices.Add($"Cú pháp truy vấn không hợp lệ ({e.Message}); đã tìm theo các từ trong truy vấn.");
            return new ParsedQuery(PlainWords(text), notices);
        }
    }

    /// <summary>The query's words with every operator character removed: what a fallback searches.</summary>
    internal static QueryNode? PlainWords(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in WithoutFieldNames(text))
            cleaned.Append(c is '"' or '(' or ')' or '[' or ']' or '{' or '}' or ':' ? ' ' : c);
        var words = cleaned.ToString()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("AND" or "OR" or "NOT" or "TO" or "*") && w.Trim('-', '*').Length > 0)
            .Select(w => (QueryNode)new WordsNode(w.TrimStart('-'), null))
            .ToList();
        return words.Count switch { 0 => null, 1 => words[0], _ => new AndNode(words) };
    }

    /// <summary>"ngay:hôm-qua" becomes "hôm-qua": the field name is syntax, the value may be what the user wants found.</summary>
    private static string WithoutFieldNames(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word =>
        {
            var colon = word.IndexOf(':');
            return colon > 0 && SearchField.Find(word.TrimStart('(', '-')[..Math.Max(0, word.TrimStart('(', '-').IndexOf(':'))]) is not null
                ? word[(colon + 1)..]
                : word;
        }));

    private sealed class Reader(string text, List<string> notices)
    {
        private int _at;

        public QueryNode? ReadQuery()
        {
            SkipSpace();
            if (AtEnd) return null;
            var node = ReadOr();
            SkipSpace();
            if (!AtEnd) throw new QuerySyntaxException($"dấu \"{text[_at]}\" thừa ở vị trí {_at + 1}");
            return node;
        }

        private bool AtEnd => _at >= text.Length;

        private QueryNode ReadOr()
        {
            var children = new List<QueryNode> { ReadAnd() };
            while (TryKeyword("OR")) children.Add(ReadAnd());
            return children.Count == 1 ? children[0] : new OrNode(children);
        }

        private QueryNode ReadAnd()
        {
            var children = new List<QueryNode> { ReadUnary() };
            while (true)
            {
                SkipSpace();
                if (AtEnd || text[_at] == ')' || PeekKeyword("OR")) break;
                TryKeyword("AND");
                children.Add(ReadUnary());
            }
            return children.Count == 1 ? children[0] : new AndNode(children);
        }

        private QueryNode ReadUnary()
        {
            SkipSpace();
            if (TryKeyword("NOT")) return new NotNode(ReadUnary());
            if (!AtEnd && text[_at] == '-' && _at + 1 < text.Length && !char.IsWhiteSpace(text[_at + 1]))
            {
                _at++;
                return new NotNode(ReadUnary());
            }
            return ReadPrimary();
        }

        private QueryNode ReadPrimary()
        {
            SkipSpace();
            if (AtEnd) throw new QuerySyntaxException("truy vấn kết thúc khi còn thiếu từ sau toán tử");
            switch (text[_at])
            {
                case '(':
                    _at++;
                    var inner = ReadOr();
                    SkipSpace();
                    if (AtEnd || text[_at] != ')') throw new QuerySyntaxException("thiếu dấu \")\"");
                    _at++;
                    return inner;
                case ')':
                    throw new QuerySyntaxException($"dấu \")\" thừa ở vị trí {_at + 1}");
                case '"':
                    return new PhraseNode(ReadQuoted(), null);
                case '[' or '{' or ']' or '}':
                    throw new QuerySyntaxException($"khoảng giá trị chỉ dùng sau tên trường, ví dụ ngay:[2019-01-01 TO 2019-12-31]");
            }

            var start = _at;
            var word = ReadWord();
            var colon = word.IndexOf(':');
            if (colon <= 0) return new WordsNode(word, null);

            var field = SearchField.Find(word[..colon]);
            if (field is null)
            {
                // "10:30" is text; "coqan:x" is probably a misspelt field, which the user should hear about.
                if (!word[..colon].Any(char.IsLetter) || colon == word.Length - 1) return new WordsNode(word.Replace(':', ' '), null);
                notices.Add($"Không có trường \"{word[..colon]}\"; đã tìm \"{word[(colon + 1)..]}\" trong mọi trường. "
                            + $"Các trường: {string.Join(", ", SearchField.All.Select(f => f.Name))}.");
                return new WordsNode(word[(colon + 1)..], null);
            }

            // The value starts right after the colon: rewind to read a phrase or range there.
            _at = start + colon + 1;
            if (AtEnd || char.IsWhiteSpace(text[_at]))
                throw new QuerySyntaxException($"thiếu giá trị sau \"{field.Name}:\"");
            return text[_at] switch
            {
                '"' => new PhraseNode(ReadQuoted(), field),
                '[' or '{' => ReadRange(field),
                '(' => throw new QuerySyntaxException($"\"{field.Name}:(…)\" chưa được hỗ trợ; dùng {field.Name}:\"cụm từ\""),
                _ => new WordsNode(ReadWord(), field),
            };
        }

        private RangeNode ReadRange(SearchField field)
        {
            var includeFrom = text[_at] == '[';
            var end = text.IndexOfAny([']', '}'], _at);
            if (end < 0) throw new QuerySyntaxException($"khoảng giá trị của \"{field.Name}\" thiếu dấu \"]\"");
            var body = text[(_at + 1)..end];
            var includeTo = text[end] == ']';
            _at = end + 1;
            var parts = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[1] != "TO")
                throw new QuerySyntaxException($"khoảng giá trị phải có dạng [từ TO đến], ví dụ {field.Name}:[2019-01-01 TO 2019-12-31]");
            return new RangeNode(field, parts[0] == "*" ? null : parts[0], parts[2] == "*" ? null : parts[2], includeFrom, includeTo);
        }

        private string ReadQuoted()
        {
            var end = text.IndexOf('"', _at + 1);
            if (end < 0) throw new QuerySyntaxException("thiếu dấu ngoặc kép đóng");
            var phrase = text[(_at + 1)..end];
            _at = end + 1;
            if (string.IsNullOrWhiteSpace(phrase)) throw new QuerySyntaxException("cụm từ trong ngoặc kép trống");
            return phrase;
        }

        private string ReadWord()
        {
            var start = _at;
            while (!AtEnd && !char.IsWhiteSpace(text[_at]) && text[_at] is not ('(' or ')' or '"')) _at++;
            return text[start.._at];
        }

        private bool PeekKeyword(string keyword) =>
            string.CompareOrdinal(text, _at, keyword, 0, keyword.Length) == 0
            && (_at + keyword.Length == text.Length || char.IsWhiteSpace(text[_at + keyword.Length]) || text[_at + keyword.Length] == '(');

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (!PeekKeyword(keyword)) return false;
            _at += keyword.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_at])) _at++;
        }
    }
}
