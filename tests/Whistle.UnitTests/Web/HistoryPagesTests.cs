using Shouldly;
using Whistle.History;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>The history pages' moments: a picked moment without an offset is China time; a moment put in a field includes its own step.</summary>
public sealed class HistoryPagesTests
{
    [Theory]
    [InlineData("2026-11-20T09:30", "2026-11-20T09:30:00.0000000+08:00")]
    [InlineData("2026-11-20T09:30:15", "2026-11-20T09:30:15.0000000+08:00")]
    [InlineData("2026-11-20T01:30:00Z", "2026-11-20T01:30:00Z")]
    [InlineData("2026-11-20T09:30:15.250", "2026-11-20T09:30:15.2500000+08:00")]
    [InlineData("yesterday", "yesterday")]
    public void a_moment_picked_without_an_offset_is_china_time_and_anything_else_passes_to_the_api(string picked, string read) =>
        HistoryPages.Moment(picked).ShouldBe(read);

    [Theory]
    [InlineData(0, "2026-11-20T09:30:15.000")]
    [InlineData(1, "2026-11-20T09:30:15.001")]
    [InlineData(10_000, "2026-11-20T09:30:15.001")]
    [InlineData(10_001, "2026-11-20T09:30:15.002")]
    public void a_moment_in_the_field_is_china_time_rounded_up_to_the_millisecond_so_it_includes_its_own_step(long ticks, string field) =>
        HistoryPages.LocalInput(new DateTimeOffset(2026, 11, 20, 1, 30, 15, TimeSpan.Zero).AddTicks(ticks)).ShouldBe(field);
}
