using Microsoft.Extensions.Hosting;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

public sealed class BusinessClockTests
{
    [Fact]
    public void without_an_offset_business_time_is_the_system_clock()
    {
        BusinessClock.From(null, Environments.Production).ShouldBeSameAs(TimeProvider.System);
        BusinessClock.From(TimeSpan.Zero, Environments.Production).ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public void an_offset_shifts_business_time_from_the_wall_clock_by_that_much()
    {
        var offset = TimeSpan.FromMinutes(-59.5);
        var before = DateTimeOffset.UtcNow;
        var now = BusinessClock.From(offset, Environments.Development).GetUtcNow();
        var after = DateTimeOffset.UtcNow;

        now.ShouldBeGreaterThanOrEqualTo(before + offset);
        now.ShouldBeLessThanOrEqualTo(after + offset);
    }

    [Fact]
    public void an_offset_is_refused_in_production()
    {
        Should.Throw<InvalidOperationException>(() => BusinessClock.From(TimeSpan.FromHours(-1), Environments.Production))
            .Message.ShouldContain(BusinessClock.OffsetSetting);
    }
}
