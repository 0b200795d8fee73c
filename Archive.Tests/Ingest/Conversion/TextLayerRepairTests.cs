using Archive.Ingest.Conversion;
using Archive.Tests.Search;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// Mending imperfect text layers (#16 item 5, first half): split syllables joined, run-together syllables parted, and sound text
/// left exactly as it was — the whole search corpus (Vietnamese with and without diacritics), English words, abbreviations.
/// </summary>
public sealed class TextLayerRepairTests
{
    [TestCase("phòng chố ng tham nhũng", "phòng chống tham nhũng")]
    [TestCase("Quyết đị nh số 05", "Quyết định số 05")]
    [TestCase("Vềviệc ban hành Quy chế", "Về việc ban hành Quy chế")]
    [TestCase("trên địabàn tỉnh Hà Tĩnh", "trên địa bàn tỉnh Hà Tĩnh")]
    [TestCase("Ngườiđứngđầu cơ quan", "Người đứng đầu cơ quan")]
    [TestCase("NGƯỜ I KÝ", "NGƯỜI KÝ")]
    [TestCase("công nghệthông tin; tổchức; đểphục vụ", "công nghệ thông tin; tổ chức; để phục vụ")]
    [TestCase("vàcác cơ quan", "và các cơ quan")]
    [TestCase("Ủ y ban nhân dân; chị u trách nhiệm củ a nộ i bộ", "Ủy ban nhân dân; chịu trách nhiệm của nội bộ")]
    [TestCase("NGƯ Ờ I ĐỨ NG ĐẦ U; ngư ờ i", "NGƯỜI ĐỨNG ĐẦU; người")]
    [TestCase("Vềviệ c ban hành", "Về việc ban hành")]
    [TestCase("Văn phòng HĐ ND và Đ BQH tỉnh", "Văn phòng HĐND và ĐBQH tỉnh")]
    public void Broken_text_is_mended(string broken, string mended) =>
        Assert.That(TextLayerRepair.Repair(broken), Is.EqualTo(mended));

    [TestCase("Hà Tĩnh, ngày 24 tháng 11 năm 2026")]
    [TestCase("Gửi email hoặc trao đổi online qua Internet; website của UBND, HĐND và Sở TT&TT.")]
    [TestCase("Số: 05/QĐ-UBND; V/v triển khai; ĐT: 0239.3855.123")]
    [TestCase("Quyet dinh ve viec ban hanh quy che van thu luu tru")]
    [TestCase("Chi cục Thú y; Bộ Y tế; BỘ Y TẾ; chị em; Email ở xã; khối u; HĐND và UBND")]
    [TestCase("quy định, quyết, gì, giữa, quốc, khuya, nguyễn, nghiêng, ngoằn ngoèo, khuỷu, oái oăm")]
    public void Sound_text_is_unchanged(string text) => Assert.That(TextLayerRepair.Repair(text), Is.EqualTo(text));

    [Test]
    public void The_whole_search_corpus_is_unchanged()
    {
        var changed = SearchCorpus.Build().SelectMany(d => new[] { d.FullText, d.Document.Subject ?? "" })
            .Where(text => TextLayerRepair.Repair(text) != text).Take(3).ToList();

        Assert.That(changed, Is.Empty, "a sound text was changed");
    }

    [Test]
    public async Task A_document_whose_text_layer_splits_syllables_is_found_by_its_words()
    {
        // The text layer as a font without precomposed Vietnamese glyphs leaves it: syllables split, words run together.
        using var data = new Archive.Tests.Support.TempFolder("archive-data");
        await Archive.Tests.Support.DemoDossier.CreateAsync(data.Path);
        var pdf = data.File("tach-am-tiet.pdf");
        await File.WriteAllBytesAsync(pdf, await new Archive.Ingest.Records.RecordPdf().WriteAsync(
            ["Kế hoạch phòng chố ng tham nhũng, ứng dụng công nghệthông tin năm 2027"], CancellationToken.None));
        var metadata = data.File("m.json");
        await File.WriteAllTextAsync(metadata, """
            {"TypeName":"Kế hoạch","OrganName":"Sở Nội vụ","CodeNumber":"31","CodeNotation":"KH-SNV","IssuedDate":"2026-11-02",
             "Subject":"Kế hoạch năm 2027","PageAmount":1}
            """);
        var ingest = await Archive.Tests.Support.Cli.RunAsync("ingest", pdf, "--dossier", Archive.Tests.Support.DemoDossier.Code,
            "--metadata", metadata, "--data", data.Path);
        Assert.That(ingest.ExitCode, Is.Zero, ingest.ToString());

        foreach (var query in new[] { "chống tham nhũng", "công nghệ thông tin" })
        {
            var found = await Archive.Tests.Support.Cli.RunAsync("search", query, "--data", data.Path);
            Assert.That(found.Stdout, Does.Contain("31/KH-SNV"), $"{query}: {found}");
        }
    }
}
