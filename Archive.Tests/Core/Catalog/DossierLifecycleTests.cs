using Archive.Core.Catalog;
using static Archive.Tests.Core.Catalog.CatalogSamples;

namespace Archive.Tests.Core.Catalog;

public class DossierLifecycleTests
{
    private static ArchivedDocument[] ThreeDocuments(Dossier dossier) =>
    [
        Document(dossier, 1) with { IssuedDate = new(2019, 3, 1), PageAmount = 2 },
        Document(dossier, 2) with { IssuedDate = new(2019, 1, 15), PageAmount = 5 },
        Document(dossier, 3) with { IssuedDate = new(2019, 11, 30), PageAmount = 3 },
    ];

    [Test]
    public void Full_life_cycle_open_close_reopen_close_transfer()
    {
        var open = Dossier();
        var docs = ThreeDocuments(open);

        var closed = open.Close(docs, Now);
        Assert.Multiple(() =>
        {
            Assert.That(closed.Status, Is.EqualTo(DossierStatus.Closed));
            Assert.That(closed.ClosedAt, Is.EqualTo(Now));
            Assert.That(closed.DocTotal, Is.EqualTo(3));
            Assert.That(closed.PageTotal, Is.EqualTo(10));
            Assert.That(closed.StartDate, Is.EqualTo(new DateOnly(2019, 1, 15)));
            Assert.That(closed.EndDate, Is.EqualTo(new DateOnly(2019, 11, 30)));
            Assert.That(open.Status, Is.EqualTo(DossierStatus.Open), "the original instance is unchanged");
        });
        ValidationAssert.IsValid(CatalogValidator.Validate(closed, Today));

        var reopened = closed.Reopen("  Bổ sung văn bản còn thiếu  ");
        Assert.Multiple(() =>
        {
            Assert.That(reopened.Status, Is.EqualTo(DossierStatus.Open));
            Assert.That(reopened.ReopenReason, Is.EqualTo("Bổ sung văn bản còn thiếu"));
            Assert.That(reopened.ClosedAt, Is.Null);
        });

        var fourth = Document(reopened, 4) with { IssuedDate = new(2019, 12, 20), PageAmount = 7 };
        var closedAgain = reopened.Close([.. docs, fourth], Now.AddDays(1));
        Assert.Multiple(() =>
        {
            Assert.That(closedAgain.DocTotal, Is.EqualTo(4));
            Assert.That(closedAgain.PageTotal, Is.EqualTo(17));
            Assert.That(closedAgain.EndDate, Is.EqualTo(new DateOnly(2019, 12, 20)));
            Assert.That(closedAgain.ClosedAt, Is.EqualTo(Now.AddDays(1)));
            Assert.That(closedAgain.ReopenReason, Is.EqualTo("Bổ sung văn bản còn thiếu"), "the reason stays on record");
        });

        var transferred = closedAgain.MarkTransferred(Now.AddDays(2));
        Assert.That(transferred.Status, Is.EqualTo(DossierStatus.Transferred));
        Assert.That(transferred.TransferredAt, Is.EqualTo(Now.AddDays(2)));
    }

    [Test]
    public void Closing_an_empty_dossier_gives_zero_totals()
    {
        var closed = (Dossier() with { DocTotal = 9, PageTotal = 9 }).Close([], Now);
        Assert.That(closed.Status, Is.EqualTo(DossierStatus.Closed));
        Assert.That(closed.DocTotal, Is.Zero);
        Assert.That(closed.PageTotal, Is.Zero);
        Assert.That(closed.StartDate, Is.Null);
        Assert.That(closed.EndDate, Is.Null);
    }

    [Test]
    public void Documents_without_page_count_or_date_count_as_zero_pages_and_keep_entered_dates()
    {
        var open = Dossier() with { StartDate = new(2019, 2, 1), EndDate = new(2019, 2, 28) };
        var undated = Document(open) with { CodeNumber = null, CodeNotation = null, IssuedDate = null, PageAmount = null };
        var closed = open.Close([undated], Now);
        Assert.That(closed.DocTotal, Is.EqualTo(1));
        Assert.That(closed.PageTotal, Is.Zero);
        Assert.That(closed.StartDate, Is.EqualTo(new DateOnly(2019, 2, 1)));
        Assert.That(closed.EndDate, Is.EqualTo(new DateOnly(2019, 2, 28)));
    }

    [Test]
    public void Closing_with_a_document_of_another_dossier_is_refused()
    {
        var open = Dossier();
        var other = Archive.Core.Catalog.Dossier.Create(Organ, 2019, "02.TH", "Hồ sơ khác", RetentionPeriod.Permanent, AccessMode.Open);
        var ex = Assert.Throws<DossierLifecycleException>(() => open.Close([Document(other)], Now));
        Assert.That(ex!.Message, Does.Contain("000.00.00.H42.2019.02.TH").And.Contain("không thuộc hồ sơ 000.00.00.H42.2019.01.TH"));
    }

    [Test]
    public void Closing_with_the_same_document_twice_is_refused()
    {
        var open = Dossier();
        var doc = Document(open);
        Assert.Throws<DossierLifecycleException>(() => open.Close([doc, doc], Now));
    }

    private static TestCaseData Illegal(string name, Func<Dossier, Dossier> step, string fragment) =>
        new TestCaseData(step, fragment).SetName($"Illegal transition: {name}");

    private static IEnumerable<TestCaseData> IllegalTransitions()
    {
        yield return Illegal("close a closed dossier", d => d.Close([], Now).Close([], Now), "đã đóng");
        yield return Illegal("close a transferred dossier", d => d.Close([], Now).MarkTransferred(Now).Close([], Now), "đã nộp lưu");
        yield return Illegal("reopen an open dossier", d => d.Reopen("lý do"), "đang mở");
        yield return Illegal("reopen a transferred dossier", d => d.Close([], Now).MarkTransferred(Now).Reopen("lý do"), "không thể mở lại");
        yield return Illegal("reopen without reason", d => d.Close([], Now).Reopen("   "), "lý do");
        yield return Illegal("reopen with empty reason", d => d.Close([], Now).Reopen(""), "lý do");
        yield return Illegal("transfer an open dossier", d => d.MarkTransferred(Now), "phải đóng hồ sơ trước khi nộp lưu");
        yield return Illegal("transfer twice", d => d.Close([], Now).MarkTransferred(Now).MarkTransferred(Now), "đã nộp lưu");
    }

    [TestCaseSource(nameof(IllegalTransitions))]
    public void Illegal_transition_throws_with_a_vietnamese_message(Func<Dossier, Dossier> step, string fragment)
    {
        var ex = Assert.Throws<DossierLifecycleException>(() => step(Dossier()));
        Assert.That(ex!.Message, Does.Contain(fragment));
        Assert.That(ex.FileCode, Is.EqualTo(Dossier().FileCode));
    }

    [Test]
    public void Open_dossier_accepts_documents() =>
        Assert.DoesNotThrow(() => Dossier().EnsureAcceptsDocuments());

    [Test]
    public void Closed_dossier_rejects_documents()
    {
        var closed = Dossier().Close([], Now);
        var ex = Assert.Throws<DossierLifecycleException>(() => closed.EnsureAcceptsDocuments());
        Assert.That(ex!.Message, Is.EqualTo(
            "Hồ sơ 000.00.00.H42.2019.01.TH đã đóng; mở lại hồ sơ (kèm lý do) trước khi thêm văn bản."));
        Assert.That(ex.Status, Is.EqualTo(DossierStatus.Closed));
        Assert.Throws<DossierLifecycleException>(() => Document(closed));
    }

    [Test]
    public void Transferred_dossier_rejects_documents()
    {
        var transferred = Dossier().Close([], Now).MarkTransferred(Now);
        var ex = Assert.Throws<DossierLifecycleException>(() => transferred.EnsureAcceptsDocuments());
        Assert.That(ex!.Message, Does.Contain("đã nộp lưu"));
    }

    [Test]
    public void Reopened_dossier_accepts_documents_again() =>
        Assert.DoesNotThrow(() => Dossier().Close([], Now).Reopen("Bổ sung").EnsureAcceptsDocuments());

    [Test]
    public void ForDossier_copies_the_dossier_fields()
    {
        var dossier = Dossier() with { Identifier = "G42" };
        var doc = Document(dossier, 7);
        Assert.Multiple(() =>
        {
            Assert.That(doc.FileCode, Is.EqualTo(dossier.FileCode));
            Assert.That(doc.OrganId, Is.EqualTo(dossier.OrganId));
            Assert.That(doc.FileCatalog, Is.EqualTo(2019));
            Assert.That(doc.FileNotation, Is.EqualTo("01.TH"));
            Assert.That(doc.Identifier, Is.EqualTo("G42"));
            Assert.That(doc.DocOrdinal, Is.EqualTo(7));
        });
    }
}
