using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;

namespace Whistle.UnitTests.County.Calendar;

public class SetOfficeHoursTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, China);

    [Fact]
    public void hours_that_close_after_they_open_pass_validation() =>
        SetOfficeHoursEndpoint.Validate(new(new TimeOnly(8, 30), new TimeOnly(17, 30))).ShouldBeNoProblem();

    [Fact]
    public void closing_before_opening_is_rejected() =>
        SetOfficeHoursEndpoint.Validate(new(new TimeOnly(17, 0), new TimeOnly(9, 0))).ShouldRejectField("closes", "close after it opens");

    [Fact]
    public void both_times_are_required() =>
        SetOfficeHoursEndpoint.Validate(new(null, null)).ShouldRejectFields("opens", "closes");

    [Fact]
    public void the_hours_are_the_calendars_next_version_and_move_working_time_due_times()
    {
        var set = SetOfficeHoursEndpoint.Decide(new(new TimeOnly(8, 30), new TimeOnly(17, 30)), 2, Users.AdminActor, Now);
        var calendar = CountyCalendar.Create(set);

        set.Version.ShouldBe(3);
        calendar.ToWorkingCalendar().Closes.ShouldBe(new TimeOnly(17, 30));
        // Routine: 7 working days from Monday 2026-03-02, due at the county's close on 2026-03-11.
        WhistleDeadlines.Compute(WhistleType.Routine, new DateTimeOffset(2026, 3, 2, 10, 0, 0, China), DeadlinePolicy.Default, calendar)
            .ReplyDue.ShouldBe(new DateTimeOffset(2026, 3, 11, 17, 30, 0, China));
    }

    [Fact]
    public void a_calendar_without_hours_keeps_nine_to_five() =>
        new CountyCalendar { Id = CountyCalendar.StreamId }.ToWorkingCalendar().Opens.ShouldBe(new TimeOnly(9, 0));
}
