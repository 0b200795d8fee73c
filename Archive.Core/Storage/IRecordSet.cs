using System.Linq.Expressions;

namespace Archive.Core.Storage;

/// <summary>One kind of catalog record, keyed by a string id; what a service may do with it.</summary>
public interface IRecordSet<T> where T : class
{
    T? Get(string id);
    bool Exists(string id);
    IReadOnlyList<T> All();
    IReadOnlyList<T> Where(Expression<Func<T, bool>> predicate);
    int Count();
    int Count(Expression<Func<T, bool>> predicate);
    void Insert(T record);
    void InsertMany(IEnumerable<T> records);
    void Update(T record);
    void Delete(string id);
}
