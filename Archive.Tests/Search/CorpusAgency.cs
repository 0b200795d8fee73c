using Archive.Core.Catalog;

namespace Archive.Tests.Search;

/// <summary>An issuing agency of the test corpus: its code, name and the abbreviation in its notations.</summary>
internal sealed record CorpusAgency(AgencyCode Code, string Name, string Abbreviation)
{
    public static readonly CorpusAgency Province = new(AgencyCode.Parse("000.00.00.H42"), "UBND tỉnh Hà Tĩnh", "UBND");
    public static readonly CorpusAgency Environment = new(AgencyCode.Parse("000.00.04.G14"), "Sở Tài nguyên và Môi trường", "STNMT");
    public static readonly CorpusAgency Education = new(AgencyCode.Parse("000.00.05.G14"), "Sở Giáo dục và Đào tạo", "SGDĐT");
    public static readonly CorpusAgency Health = new(AgencyCode.Parse("000.00.06.G14"), "Sở Y tế", "SYT");
    public static readonly CorpusAgency Finance = new(AgencyCode.Parse("000.00.07.G14"), "Sở Tài chính", "STC");
    public static readonly CorpusAgency Agriculture = new(AgencyCode.Parse("000.00.08.G14"), "Sở Nông nghiệp và Phát triển nông thôn", "SNN");

    public static readonly IReadOnlyList<CorpusAgency> All = [Province, Environment, Education, Health, Finance, Agriculture];
}
