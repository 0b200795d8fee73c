using LiteDB;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Core.Storage.Postgres;

/// <summary>Records as rows of their table: the id and the document's JSON.</summary>
internal static class RecordRows
{
    /// <summary>A document as its row: the id (the <c>_id</c> field) and the JSON.</summary>
    public static (string Id, string Json) Row(BsonDocument document)
    {
        var id = document["_id"];
        return (id.IsString ? id.AsString : id.ToString(), LiteDB.JsonSerializer.Serialize(document));
    }

    /// <summary>Documents as rows of one statement (not an NpgsqlBatch, whose synchronous run needs a thread-pool thread),
    /// a thousand at a time.</summary>
    public static void Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, string collection,
        IEnumerable<(string Id, string Json)> documents)
    {
        foreach (var chunk in documents.Chunk(1000))
        {
            using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue($"id{i}", chunk[i].Id);
                command.Parameters.AddWithValue($"doc{i}", NpgsqlDbType.Jsonb, chunk[i].Json);
            }
            command.CommandText = $"INSERT INTO {CatalogSchema.Table(collection)} (id, doc) VALUES "
                + string.Join(", ", chunk.Select((_, i) => $"(@id{i}, @doc{i})"));
            command.ExecuteNonQuery();
        }
    }
}
