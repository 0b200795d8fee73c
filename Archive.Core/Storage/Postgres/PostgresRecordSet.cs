using System.Linq.Expressions;
using LiteDB;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Core.Storage.Postgres;

/// <summary>
/// One kind of record in its table (<c>id</c>, <c>doc jsonb</c>), inside the session's transaction. A record is mapped to a
/// document by the same <see cref="BsonMapper"/> as in LiteDB and kept as its JSON, so both engines agree on every field.
/// Equalities on fields become SQL on <c>doc -&gt; 'Field'</c> (indexed where <see cref="CatalogMapping.Indexes"/> says);
/// any other predicate is evaluated on the records as read.
/// </summary>
internal sealed class PostgresRecordSet<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string collection,
    BsonMapper mapper, bool writable) : IRecordSet<T> where T : class
{
    private readonly string _table = CatalogSchema.Table(collection);

    public T? Get(string id) => Select("id = @id", ("id", id)).FirstOrDefault();

    public bool Exists(string id) => Scalar<bool>($"SELECT EXISTS (SELECT 1 FROM {_table} WHERE id = @id)", ("id", id));

    public IReadOnlyList<T> All() => Select(null);

    public IReadOnlyList<T> Where(Expression<Func<T, bool>> predicate) =>
        Condition(predicate) is { } where ? Select(where.Sql, where.Parameters) : [.. All().Where(predicate.Compile())];

    public int Count() => (int)Scalar<long>($"SELECT count(*) FROM {_table}");

    public int Count(Expression<Func<T, bool>> predicate) =>
        Condition(predicate) is { } where
            ? (int)Scalar<long>($"SELECT count(*) FROM {_table} WHERE {where.Sql}", where.Parameters)
            : All().Count(predicate.Compile());

    public void Insert(T record) => InsertMany([record]);

    public void InsertMany(IEnumerable<T> records)
    {
        EnsureWritable();
        RecordRows.Insert(connection, transaction, collection, records.Select(Document));
    }

    public void Update(T record)
    {
        EnsureWritable();
        var (id, json) = Document(record);
        if (Execute($"UPDATE {_table} SET doc = @doc WHERE id = @id", ("id", id), ("doc", new Jsonb(json))) == 0)
            throw new InvalidOperationException($"No {typeof(T).Name} to update: it was not found in the catalog.");
    }

    public void Delete(string id)
    {
        EnsureWritable();
        if (Execute($"DELETE FROM {_table} WHERE id = @id", ("id", id)) == 0)
            throw new InvalidOperationException($"No {typeof(T).Name} '{id}' to delete: it was not found in the catalog.");
    }

    private (string Id, string Json) Document(T record) => RecordRows.Row(mapper.ToDocument(record));

    /// <summary>The predicate's equalities as SQL, or null when it is not only equalities on the record's fields.</summary>
    private (string Sql, (string, object)[] Parameters)? Condition(Expression<Func<T, bool>> predicate)
    {
        if (ParameterisedQuery.Terms(predicate, mapper) is not { } terms) return null;
        var clauses = new List<string>();
        var parameters = new List<(string, object)>();
        foreach (var (path, value) in terms)
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            if (field == "_id" && value.IsString)
            {
                clauses.Add($"id = @p{parameters.Count}");
                parameters.Add(($"p{parameters.Count}", value.AsString));
                continue;
            }
            var name = $"p{parameters.Count}";
            // A field mapped from null is left out of the document: missing and JSON null both mean null.
            clauses.Add(value.IsNull ? $"coalesce(doc -> @{name}, 'null'::jsonb) = 'null'::jsonb" : $"doc -> '{Quoted(field)}' = @{name}");
            parameters.Add((name, value.IsNull ? field : new Jsonb(LiteDB.JsonSerializer.Serialize(value))));
        }
        return (string.Join(" AND ", clauses), parameters.ToArray());
    }

    /// <summary>A field name inside a SQL literal (the names are the mapper's, from our own types; quoted all the same).</summary>
    private static string Quoted(string field) => field.Replace("'", "''", StringComparison.Ordinal);

    private List<T> Select(string? where, params (string, object)[] parameters)
    {
        using var command = Command($"SELECT doc FROM {_table}{(where is null ? "" : " WHERE " + where)} ORDER BY id", parameters);
        using var reader = command.ExecuteReader();
        var records = new List<T>();
        while (reader.Read())
            records.Add(mapper.ToObject<T>(LiteDB.JsonSerializer.Deserialize(reader.GetString(0)).AsDocument));
        return records;
    }

    private TValue Scalar<TValue>(string sql, params (string, object)[] parameters)
    {
        using var command = Command(sql, parameters);
        return (TValue)command.ExecuteScalar()!;
    }

    private int Execute(string sql, params (string, object)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            if (value is Jsonb json) command.Parameters.AddWithValue(name, NpgsqlDbType.Jsonb, json.Text);
            else command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private void EnsureWritable()
    {
        if (!writable)
            throw new InvalidOperationException("Catalog records can only change inside ICatalogStore.Write, where they are audited.");
    }

    /// <summary>A parameter sent as jsonb rather than text.</summary>
    private sealed record Jsonb(string Text);
}
