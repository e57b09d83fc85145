using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Kernel;

public class CountyTimeTests
{
    [Fact]
    public void the_county_year_turns_at_midnight_china_time()
    {
        var lastEveningUtc = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

        CountyTime.Local(lastEveningUtc).ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        CountyTime.Local(lastEveningUtc).Offset.ShouldBe(TimeSpan.FromHours(8));
        CountyTime.Local(lastEveningUtc.AddTicks(-1)).Year.ShouldBe(2026);
    }
}
