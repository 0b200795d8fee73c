using System.Text;
using Archive.Core.Catalog;

namespace Archive.Tests.Core.Catalog;

public class RetentionPeriodTests
{
    [TestCase("Vĩnh viễn")]
    [TestCase("vĩnh viễn")]
    [TestCase("VĨNH VIỄN")]
    [TestCase("vinh vien")]
    [TestCase("Vinh  Vien ")]
    public void Parse_recognises_permanent_with_or_without_diacritics(string input)
    {
        var period = RetentionPeriod.Parse(input);
        Assert.That(period.IsPermanent, Is.True);
        Assert.That(period.Years, Is.Null);
        Assert.That(period.Value, Is.EqualTo("Vĩnh viễn"));
        Assert.That(period, Is.EqualTo(RetentionPeriod.Permanent));
    }

    [Test]
    public void Parse_accepts_nfd_input()
    {
        var nfd = "Vĩnh viễn".Normalize(NormalizationForm.FormD);
        Assert.That(nfd, Is.Not.EqualTo("Vĩnh viễn"), "precondition: the input really is decomposed");
        Assert.That(RetentionPeriod.Parse(nfd).IsPermanent, Is.True);
        Assert.That(RetentionPeriod.Parse("10 năm".Normalize(NormalizationForm.FormD)).Years, Is.EqualTo(10));
    }

    [TestCase("10", 10)]
    [TestCase("10 năm", 10)]
    [TestCase("10 nam", 10)]
    [TestCase("70 NĂM", 70)]
    [TestCase("2năm", 2)]
    [TestCase(" 5 ", 5)]
    public void Parse_accepts_allowed_year_counts(string input, int years)
    {
        var period = RetentionPeriod.Parse(input);
        Assert.That(period.IsPermanent, Is.False);
        Assert.That(period.Years, Is.EqualTo(years));
        Assert.That(period.Value, Is.EqualTo($"{years} năm"));
        Assert.That(period.ToString(), Is.EqualTo($"{years} năm"));
    }

    [TestCase("12")]
    [TestCase("12 năm")]
    [TestCase("0")]
    [TestCase("-10")]
    [TestCase("vĩnh")]
    [TestCase("mười năm")]
    [TestCase("")]
    [TestCase("1000000000000")]
    public void Parse_rejects_unknown_values_listing_the_allowed_ones(string input)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => RetentionPeriod.Parse(input));
        Assert.That(ex!.Message, Does.StartWith("Thời hạn bảo quản:"));
        Assert.That(RetentionPeriod.TryParse(input, out _), Is.False);
        if (input.Length > 0)
        {
            Assert.That(ex.Message, Does.Contain($"\"{input}\""));
            Assert.That(ex.Message, Does.Contain("Vĩnh viễn"));
            Assert.That(ex.Message, Does.Contain("2, 5, 10, 15, 20, 25, 30, 40, 50, 70"));
        }
    }

    [Test]
    public void FromYears_enforces_the_same_table()
    {
        Assert.That(RetentionPeriod.FromYears(20).Years, Is.EqualTo(20));
        Assert.Throws<CatalogValidationException>(() => RetentionPeriod.FromYears(3));
    }

    [Test]
    public void Canonical_text_round_trips_for_every_allowed_value()
    {
        foreach (var years in RetentionPeriod.AllowedYears)
        {
            var period = RetentionPeriod.FromYears(years);
            Assert.That(RetentionPeriod.Parse(period.Value), Is.EqualTo(period));
        }
        Assert.That(RetentionPeriod.Parse(RetentionPeriod.Permanent.Value), Is.EqualTo(RetentionPeriod.Permanent));
    }

    [Test]
    public void Longer_periods_compare_greater_and_permanent_is_longest()
    {
        Assert.That(RetentionPeriod.FromYears(10).CompareTo(RetentionPeriod.FromYears(5)), Is.GreaterThan(0));
        Assert.That(RetentionPeriod.Permanent.CompareTo(RetentionPeriod.FromYears(70)), Is.GreaterThan(0));
        Assert.That(RetentionPeriod.FromYears(70).CompareTo(RetentionPeriod.Permanent), Is.LessThan(0));
        Assert.That(RetentionPeriod.FromYears(10).CompareTo(RetentionPeriod.Parse("10 năm")), Is.EqualTo(0));
    }
}
