using System.Linq.Expressions;
using LiteDB;

namespace Archive.Core.Storage;

/// <param name="writable">False in read sessions: a change outside a write transaction would escape the audit log.</param>
internal sealed class LiteRecordSet<T>(ILiteCollection<T> collection, BsonMapper mapper, bool writable) : IRecordSet<T> where T : class
{
    public T? Get(string id) => collection.FindById(id);
    // A parameter, not Query.EQ: LiteDB compiles and caches, never evicting, an expression per distinct literal.
    public bool Exists(string id) => collection.Exists(BsonExpression.Create("_id = @0", new BsonValue(id)));
    public IReadOnlyList<T> All() => collection.FindAll().ToList();
    public IReadOnlyList<T> Where(Expression<Func<T, bool>> predicate) =>
        (ParameterisedQuery.From(predicate, mapper) is { } query ? collection.Find(query) : collection.Find(predicate)).ToList();
    public int Count() => collection.Count();
    public int Count(Expression<Func<T, bool>> predicate) =>
        ParameterisedQuery.From(predicate, mapper) is { } query ? collection.Count(query) : collection.Count(predicate);
    public void Insert(T record)
    {
        EnsureWritable();
        collection.Insert(record);
    }

    public void InsertMany(IEnumerable<T> records)
    {
        EnsureWritable();
        collection.InsertBulk(records);
    }

    public void Update(T record)
    {
        EnsureWritable();
        if (!collection.Update(record))
            throw new InvalidOperationException($"No {typeof(T).Name} to update: it was not found in the catalog.");
    }

    public void Delete(string id)
    {
        EnsureWritable();
        if (!collection.Delete(new BsonValue(id)))
            throw new InvalidOperationException($"No {typeof(T).Name} '{id}' to delete: it was not found in the catalog.");
    }

    private void EnsureWritable()
    {
        if (!writable)
            throw new InvalidOperationException("Catalog records can only change inside ICatalogStore.Write, where they are audited.");
    }
}
