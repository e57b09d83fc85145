using Shouldly;
using Whistle.Simulation;
using Xunit;

namespace Whistle.UnitTests.Simulation;

public class MeetingScriptsTests
{
    [Theory]
    [InlineData("2026-11-26", true)]    // the last Thursday of November 2026
    [InlineData("2026-11-19", false)]   // a Thursday, not the last
    [InlineData("2026-11-27", false)]   // the last Friday
    [InlineData("2026-12-31", true)]    // the month's last day, a Thursday
    [InlineData("2027-02-25", true)]
    public void the_joint_meeting_falls_on_the_last_thursday_of_the_month(string day, bool meets) =>
        MeetingScripts.IsMeetingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(meets);
}
