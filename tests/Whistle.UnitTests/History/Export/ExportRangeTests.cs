using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.History.Export;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.History.Export;

public class ExportRangeTests
{
    [Fact]
    public void a_range_runs_from_china_midnight_of_the_first_day_to_china_midnight_of_the_last_exclusive()
    {
        var (range, problem) = ExportRange.Parse("2026-11-01", "2026-12-01", 366);

        problem.ShouldBe(Problems.None);
        range!.Start.ShouldBe(DateTimeOffset.Parse("2026-10-31T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        range.End.ShouldBe(DateTimeOffset.Parse("2026-11-30T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        range.Days.ShouldBe(30);
        range.Holds(range.Start).ShouldBeTrue();
        range.Holds(range.End).ShouldBeFalse();
        range.Holds(range.End.AddTicks(-1)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-01", "to")]
    [InlineData("2026-11-01", "2026-11-01", "to")]
    [InlineData("2025-01-01", "2026-01-03", "to")]
    [InlineData("2026-13-01", "2026-11-01", "from")]
    [InlineData("2026-11-01", "1 Dec 2026", "to")]
    [InlineData(null, "2026-11-01", "from")]
    public void a_range_the_rules_refuse_is_a_400_naming_the_field(string? from, string? to, string field)
    {
        var (range, problem) = ExportRange.Parse(from, to, 366);

        range.ShouldBeNull();
        problem.Status.ShouldBe(400);
        ((ValidationProblemDetails)problem).Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void the_longest_range_is_the_configured_number_of_days() =>
        ExportRange.Parse("2026-01-01", "2027-01-02", 366).Range!.Days.ShouldBe(366);

    [Fact]
    public void the_months_of_a_range_are_those_that_begin_in_it() =>
        ReadModelExport.Months(ExportRange.Parse("2026-10-15", "2027-01-02", 366).Range!).ShouldBe(["2026-11", "2026-12", "2027-01"]);
}
