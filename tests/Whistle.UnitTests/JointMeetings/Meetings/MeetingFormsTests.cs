using Shouldly;
using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.JointMeetings.Worklist;
using Xunit;

namespace Whistle.UnitTests.JointMeetings.Meetings;

/// <summary>The meeting pages read a datetime-local field as China time, and name one ruling form per rejection.</summary>
public sealed class MeetingFormsTests
{
    [Theory]
    [InlineData("2026-12-10T09:00", "2026-12-10T01:00:00+00:00")]
    [InlineData("2026-12-10T00:30", "2026-12-09T16:30:00+00:00")]
    public void a_datetime_local_value_is_china_time(string value, string utc) =>
        CountyTime.ParseLocal(value).ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("下周一")]
    public void an_empty_or_unreadable_value_is_null_so_the_api_names_the_field(string? value) =>
        CountyTime.ParseLocal(value).ShouldBeNull();

    [Fact]
    public void a_moment_is_drawn_back_as_its_china_time()
    {
        var at = new DateTimeOffset(2026, 12, 9, 16, 30, 0, TimeSpan.Zero);

        MeetingForms.LocalValue(at).ShouldBe("2026-12-10T00:30");
        CountyTime.ParseLocal(MeetingForms.LocalValue(at)).ShouldBe(at);
    }

    [Fact]
    public void each_rejection_has_its_own_ruling_form()
    {
        var whistle = Guid.Parse("01a24499-d564-7744-ab6e-3608099f6879");

        WorklistPage.FormName(whistle, "chengguan").ShouldBe("arbitrate-01a24499d5647744ab6e3608099f6879-chengguan");
        WorklistPage.FormName(whistle, "gongan").ShouldNotBe(WorklistPage.FormName(whistle, "chengguan"));
    }
}
