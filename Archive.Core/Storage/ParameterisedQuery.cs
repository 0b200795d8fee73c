using System.Linq.Expressions;
using System.Reflection;
using LiteDB;

namespace Archive.Core.Storage;

/// <summary>
/// Reads a predicate of equalities on a record's own fields (<c>x => x.OwnerId == id &amp;&amp; x.Role == role</c>, a bare
/// boolean field or its negation) as fields and values, for a query whose values are parameters. LiteDB's own LINQ translation
/// writes each captured value into the expression's text, then parses, compiles and caches, never evicting, one expression per
/// distinct value: a lookup by id costs a compilation and leaves it in memory for good; PostgreSQL is given the same terms.
/// Anything else is left to the engine (null is returned).
/// </summary>
internal static class ParameterisedQuery
{
    /// <summary>The fields as the mapper names them (<c>$.OwnerId</c>, the id member <c>$._id</c>) and their values.</summary>
    public static IReadOnlyList<(string Path, BsonValue Value)>? Terms<T>(Expression<Func<T, bool>> predicate, BsonMapper mapper)
    {
        var terms = new List<(string Field, BsonValue Value)>();
        return Collect<T>(predicate.Body, predicate.Parameters[0], mapper, terms) ? terms : null;
    }

    public static BsonExpression? From<T>(Expression<Func<T, bool>> predicate, BsonMapper mapper)
    {
        if (Terms(predicate, mapper) is not { } terms) return null;
        var text = string.Join(" AND ", terms.Select((t, i) => $"{t.Path} = @{i}"));
        return BsonExpression.Create(text, terms.Select(t => t.Value).ToArray());
    }

    private static bool Collect<T>(Expression body, ParameterExpression record, BsonMapper mapper, List<(string, BsonValue)> terms)
    {
        switch (body)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } both:
                return Collect<T>(both.Left, record, mapper, terms) && Collect<T>(both.Right, record, mapper, terms);
            case BinaryExpression { NodeType: ExpressionType.Equal } equal:
                return Term<T>(equal.Left, equal.Right, record, mapper, terms) || Term<T>(equal.Right, equal.Left, record, mapper, terms);
            case MemberExpression { Type: var type } flag when type == typeof(bool):
                return Term<T>(flag, Expression.Constant(true), record, mapper, terms);
            case UnaryExpression { NodeType: ExpressionType.Not, Operand: MemberExpression { Type: var type } flag }
                when type == typeof(bool):
                return Term<T>(flag, Expression.Constant(false), record, mapper, terms);
            default:
                return false;
        }
    }

    private static bool Term<T>(Expression field, Expression value, ParameterExpression record, BsonMapper mapper,
        List<(string, BsonValue)> terms)
    {
        // An enum compared in an expression tree is converted to its underlying type on both sides.
        var member = (field is UnaryExpression { NodeType: ExpressionType.Convert } converted ? converted.Operand : field)
            as MemberExpression;
        if (member?.Expression != record) return false;
        if (!TryEvaluate(value, out var evaluated)) return false;
        // The field's path as LiteDB maps the member (the id member is "_id"): one parsed expression per field, not per value.
        var path = mapper.GetExpression(Expression.Lambda<Func<T, object>>(Expression.Convert(member, typeof(object)), record)).Source;
        var type = member.Type;
        if (evaluated is not null && type.IsEnum && evaluated.GetType() != type) evaluated = Enum.ToObject(type, evaluated);
        terms.Add((path, evaluated is null ? BsonValue.Null : mapper.Serialize(type, evaluated)));
        return true;
    }

    /// <summary>The value of a constant or of a captured variable (a chain of fields and properties), read without compiling.</summary>
    private static bool TryEvaluate(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case UnaryExpression { NodeType: ExpressionType.Convert } convert when TryEvaluate(convert.Operand, out var inner):
                value = inner;
                return true;
            case MemberExpression member when member.Expression is null || TryEvaluate(member.Expression, out _):
                object? target = null;
                if (member.Expression is not null && !TryEvaluate(member.Expression, out target)) break;
                value = member.Member switch
                {
                    FieldInfo f => f.GetValue(target),
                    PropertyInfo p => p.GetValue(target),
                    _ => null,
                };
                return member.Member is FieldInfo or PropertyInfo;
        }
        value = null;
        return false;
    }
}
