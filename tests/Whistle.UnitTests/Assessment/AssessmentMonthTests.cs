using Shouldly;
using Whistle.Assessment;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment;

public class AssessmentMonthTests
{
    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-01", true)]
    [InlineData("2026-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-11", false)]
    [InlineData("2026/11", false)]
    [InlineData("november", false)]
    public void a_month_is_written_yyyy_mm(string month, bool valid) => AssessmentMonth.IsValid(month).ShouldBe(valid);

    [Fact]
    public void a_month_turns_at_midnight_on_the_county_clock()
    {
        AssessmentMonth.Of(DateTimeOffset.Parse("2026-11-30T15:59:59Z", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe("2026-11");
        AssessmentMonth.Of(DateTimeOffset.Parse("2026-11-30T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe("2026-12");
        AssessmentMonth.Split(AssessmentMonth.Key("gongan", "2026-11")).ShouldBe(("gongan", "2026-11"));
    }

    [Theory]
    [InlineData(Roles.Office, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Analyst, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Clerk, false)]
    [InlineData(Roles.SubDistrict, false)]
    [InlineData(Roles.Community, false)]
    public void the_county_wide_assessment_readers_see_every_scorecard(string role, bool sees) =>
        new Scope("u", role, null, null, null).SeesScorecardOf(Lead).ShouldBe(sees);

    [Fact]
    public void a_department_officer_sees_its_own_scorecard_only()
    {
        var officer = new Scope("u", Roles.Department, null, null, Lead);

        (officer.SeesScorecardOf(Lead), officer.SeesScorecardOf(CoHandler)).ShouldBe((true, false));
    }
}
