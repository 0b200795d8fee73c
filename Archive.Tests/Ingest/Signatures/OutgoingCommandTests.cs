using System.Text.Json;
using Archive.Ingest.Conversion;
using Archive.Ingest.Records;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// `archive outgoing` end to end, each step by the role whose step it is: drafted by a specialist, presented to the leader, signed
/// with the leader's PKCS#12, numbered and sealed by the records officer with the agency key, issued as one envelope per recipient,
/// a recipient's status message recorded (one from an agency it was not sent to refused), recalled with a recall envelope each.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class OutgoingCommandTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private static string P12(string name) => Path.Combine(SignatureFixtures.Pki, name + ".p12");

    [Test]
    public async Task An_outgoing_document_goes_from_draft_to_recall_through_the_command_line()
    {
        await SignatureFixtures.TrustInAsync(Data.Path);
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("ctich", "lanh-dao"), ("cvien", "chuyen-vien") })
            await CopyCommandTests.CreateUserAsync(Data, login, role);
        var today = DateTime.Now;
        var draft = Data.File("du-thao.pdf");
        await File.WriteAllBytesAsync(draft, await new RecordPdf().WriteAsync(
            ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số:          /UBND-VP", $"Hà Tĩnh, ngày {today:dd} tháng {today:MM} năm {today:yyyy}", "",
             "Về việc triển khai quản lý văn bản điện tử"], CancellationToken.None));

        var drafted = await As("cvien", "outgoing", "draft", draft, "--type", "Công văn", "--notation", "UBND-VP", "--subject",
            "Về việc triển khai quản lý văn bản điện tử", "--dossier", DemoDossier.Code, "--to", "000.00.01.H42=Sở Nội vụ",
            "--to", "000.00.02.H42=Sở Tư pháp", "--json");
        Assert.That(drafted.ExitCode, Is.Zero, drafted.ToString());
        var id = JsonDocument.Parse(drafted.Stdout).RootElement.GetProperty("id").GetString()!;
        Assert.That((await As("cvien", "outgoing", "submit", id, "--to", "vthu")).ExitCode, Is.EqualTo(64), "not a leader");
        Assert.That((await As("cvien", "outgoing", "submit", id, "--to", "ctich", "--note", "Kính trình")).ExitCode, Is.Zero);
        Assert.That((await As("ctich", "outgoing", "comment", id, "--note", "Đồng ý nội dung")).ExitCode, Is.Zero);
        Assert.That((await As("vthu", "outgoing", "sign", id, "--key", P12("personal"), "--password", "test")).ExitCode,
            Is.EqualTo(77), "the records officer does not sign for the leader");
        var signed = await As("ctich", "outgoing", "sign", id, "--key", P12("personal"), "--password", "test");
        Assert.That(signed.ExitCode, Is.Zero, signed.ToString());
        Assert.That(signed.Stdout, Does.Contain("Nguyễn Văn An"));

        var numbered = await As("vthu", "outgoing", "number", id, "--key", P12("organisation"), "--password", "test");
        Assert.That(numbered.ExitCode, Is.Zero, numbered.ToString());
        Assert.That(numbered.Stdout, Does.Contain("01/UBND-VP"));
        var issued = await As("vthu", "outgoing", "issue", id);
        Assert.That(issued.ExitCode, Is.Zero, issued.ToString());
        var outbox = Path.Combine(Data.Path, "exchange", "outgoing");
        Assert.That(Directory.GetFiles(outbox, "*.edxml"), Has.Length.EqualTo(2));

        var exchangeId = JsonDocument.Parse((await As("vthu", "outgoing", "show", id, "--json")).Stdout).RootElement
            .GetProperty("exchangeId").GetString()!;
        var accepted = Data.File("tiep-nhan.xml");
        await File.WriteAllTextAsync(accepted, Status(exchangeId, "000.00.02.H42", "03", "Đã tiếp nhận"));
        Assert.That((await As("vthu", "outgoing", "status", accepted)).ExitCode, Is.Zero);
        var stranger = Data.File("la.xml");
        await File.WriteAllTextAsync(stranger, Status(exchangeId, "000.00.77.H42", "01", "Đã đến"));
        var refused = await As("vthu", "outgoing", "status", stranger);
        Assert.That((refused.ExitCode, refused.Stderr.Contains("không gửi tới")), Is.EqualTo((64, true)), refused.ToString());
        var entity = Data.File("xxe.xml");
        await File.WriteAllTextAsync(entity, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        Assert.That((await As("vthu", "outgoing", "status", entity)).ExitCode, Is.EqualTo(64), "a DTD is refused");

        var shown = await As("ctich", "outgoing", "show", id);
        Assert.That(shown.Stdout, Does.Contain("000.00.02.H42 Sở Tư pháp: đã tiếp nhận").And.Contain("000.00.01.H42 Sở Nội vụ: đã gửi")
            .And.Contain("Ý kiến: Đồng ý nội dung").And.Contain("Ký số cá nhân"));

        var register = await As("ctich", "register", "outgoing");
        Assert.That(register.Stdout, Does.Contain("01/UBND-VP").And.Contain("Sở Tư pháp (đã tiếp nhận)"), register.ToString());
        Assert.That((await As("ctich", "register", "outgoing", "--find", "quan ly van ban")).Stdout, Does.Contain("01/UBND-VP"),
            "found without diacritics");
        Assert.That((await As("ctich", "register", "outgoing", "--find", "hộ tịch")).Stdout, Does.Not.Contain("01/UBND-VP"));
        var xlsx = Data.File("so-di.xlsx");
        Assert.That((await As("vthu", "register", "outgoing", "--xlsx", xlsx)).ExitCode, Is.Zero);
        Assert.That((await File.ReadAllBytesAsync(xlsx)).Take(2), Is.EqualTo("PK"u8.ToArray()), "a workbook (a ZIP)");
        Assert.That((await As("cvien", "register", "outgoing")).ExitCode, Is.EqualTo(77), "a specialist does not keep the registers");
        var printed = Data.File("so-di.pdf");
        Assert.That((await As("vthu", "register", "outgoing", "--pdf", printed)).ExitCode, Is.Zero);
        Assert.That(Tool.Run("qpdf", ["--check", printed], check: false).ExitCode, Is.Zero);
        var pdfa = await new PdfAVerifier(new ToolRunner(Logger.None), new ConversionOptions())
            .VerifyAsync(printed, CancellationToken.None);
        Assert.That(pdfa.IsValid, pdfa.ToString());
        Assert.That(Tool.Run("pdftotext", [printed, "-"]).Output, Does.Contain("SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM").And.Contain("01/UBND-VP"));
        var stats = await As("ctich", "stats");
        Assert.That(stats.Stdout, Does.Contain("gửi 1, nhận 0").And.Contain("Công văn: gửi 1"), stats.ToString());
        Assert.That((await As("ctich", "stats", "--from", "2026-13-01")).ExitCode, Is.EqualTo(64), "not a date");

        // The recipient (another archive) receives the envelope; the recall later marks its copy.
        using var recipient = new TempFolder("archive-recipient");
        Engine.Attach(recipient.Path);
        await DemoDossier.CreateAsync(recipient.Path);
        var envelope = Directory.GetFiles(outbox, "*000.00.02.H42.edxml").Single();
        var received = await Cli.RunAsync("ingest", envelope, "--data", recipient.Path, "--json");
        Assert.That(received.Stdout, Does.Contain("\"status\""), received.ToString());
        var unknown = Data.File("thu-hoi-la.edxml");
        await File.WriteAllTextAsync(unknown, File.ReadAllText(envelope).Replace("<SteeringType>0</SteeringType>",
            "<SteeringType>1</SteeringType>").Replace(exchangeId, exchangeId.Replace("01/UBND-VP", "99/UBND-VP")));
        var refusedRecall = await Cli.RunAsync("ingest", unknown, "--data", recipient.Path);
        Assert.That(refusedRecall.Stdout + refusedRecall.Stderr, Does.Contain("không có văn bản nào đã nhận"), refusedRecall.ToString());

        Assert.That((await As("vthu", "outgoing", "recall", id, "--reason", "Sai sót số liệu")).ExitCode, Is.Zero);
        Assert.That(Directory.GetFiles(outbox, "*.thu-hoi.edxml"), Has.Length.EqualTo(2));
        var recall = Directory.GetFiles(outbox, "*000.00.02.H42.thu-hoi.edxml").Single();
        var applied = await Cli.RunAsync("ingest", recall, "--data", recipient.Path);
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());
        Assert.That(applied.Stdout, Does.Contain("thu hồi"), applied.ToString());
        var inbox = await Cli.RunAsync("inbox", "list", "--json", "--data", recipient.Path);
        Assert.That(inbox.Stdout, Does.Contain("\"recalledAt\"").And.Contain("Sai sót số liệu"), inbox.ToString());
        Assert.That((await As("vthu", "outgoing", "list", "--status", "recalled")).Stdout, Does.Contain(id).And.Contain("đã thu hồi"));
    }

    /// <summary>A status message as a recipient's system writes it (QCVN 102).</summary>
    private static string Status(string documentId, string from, string code, string description) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
          <edXMLHeader>
            <Status>
              <ResponseFor><OrganId>000.00.00.H42</OrganId><DocumentId>{documentId}</DocumentId></ResponseFor>
              <From><OrganId>{from}</OrganId><OrganName>Cơ quan nhận</OrganName></From>
              <StatusCode>{code}</StatusCode>
              <Description>{description}</Description>
              <Timestamp>{DateTimeOffset.Now.AddMinutes(5):yyyy-MM-dd'T'HH:mm:sszzz}</Timestamp>
            </Status>
          </edXMLHeader>
        </edXMLEnvelope>
        """;

    private Task<CliResult> As(string login, params string[] args) => Cli.RunAsync([.. args, "--as", login, "--data", Data.Path]);
}
