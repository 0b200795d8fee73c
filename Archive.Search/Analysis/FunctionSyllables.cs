using System.Collections.Frozen;

namespace Archive.Search.Analysis;

/// <summary>
/// Function syllables (hư từ): words like "của", "và", "các" that carry little meaning alone.
/// They stay in the index, because phrases need them, but a query does not require them: they
/// only add to the score of documents that also have them. The one list: edit here.
/// </summary>
internal static class FunctionSyllables
{
    private static readonly string[] Exact =
    [
        "và", "của", "các", "những", "là", "được", "cho", "với", "trong", "theo", "về", "có", "không",
        "này", "đó", "đã", "sẽ", "đang", "để", "từ", "tại", "trên", "dưới", "khi", "thì", "mà", "nếu",
        "hoặc", "hay", "cũng", "đến", "ra", "vào", "lại", "nhưng", "như", "bị", "do", "bởi", "nên",
        "rằng", "một", "việc", "số", "ngày", "tháng", "năm",
    ];

    private static readonly FrozenSet<string> ExactSet = Exact.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> FoldedSet = Exact.Select(VietnameseFolding.Fold).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True for a function syllable. A syllable typed without diacritics counts when its folded
    /// form is one: "cua" may mean "của", so it must not be required.
    /// </summary>
    public static bool Contains(string exact, string folded) =>
        ExactSet.Contains(exact) || (exact == folded && FoldedSet.Contains(folded));
}
