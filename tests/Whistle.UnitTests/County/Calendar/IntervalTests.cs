using System.Text.Json;
using Shouldly;
using Whistle.County.Calendar;
using Xunit;

namespace Whistle.UnitTests.County.Calendar;

public class IntervalTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void an_interval_of_no_time_or_negative_time_is_rejected(int amount)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Interval.WorkingDays(amount));
        Should.Throw<ArgumentOutOfRangeException>(() => new Interval(amount, IntervalUnit.Minutes, IntervalBasis.Calendar));
    }

    [Fact]
    public void an_unknown_unit_or_basis_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Interval(1, (IntervalUnit)7, IntervalBasis.Calendar));
        Should.Throw<ArgumentOutOfRangeException>(() => new Interval(1, IntervalUnit.Days, (IntervalBasis)7));
    }

    [Fact]
    public void the_factories_name_the_unit_and_the_basis()
    {
        Interval.CalendarMinutes(30).ShouldBe(new Interval(30, IntervalUnit.Minutes, IntervalBasis.Calendar));
        Interval.CalendarHours(24).ShouldBe(new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar));
        Interval.CalendarDays(30).ShouldBe(new Interval(30, IntervalUnit.Days, IntervalBasis.Calendar));
        Interval.WorkingMinutes(90).ShouldBe(new Interval(90, IntervalUnit.Minutes, IntervalBasis.Working));
        Interval.WorkingHours(4).ShouldBe(new Interval(4, IntervalUnit.Hours, IntervalBasis.Working));
        Interval.WorkingDays(7).ShouldBe(new Interval(7, IntervalUnit.Days, IntervalBasis.Working));
    }

    [Fact]
    public void an_interval_serialises_with_readable_unit_and_basis_and_reads_back_equal()
    {
        var json = JsonSerializer.Serialize(Interval.WorkingDays(7), Json);

        json.ShouldBe("""{"amount":7,"unit":"Days","basis":"Working"}""");
        JsonSerializer.Deserialize<Interval>(json, Json).ShouldBe(Interval.WorkingDays(7));
    }

    [Fact]
    public void deserialising_a_zero_amount_is_rejected_too() =>
        Should.Throw<ArgumentOutOfRangeException>(
            () => JsonSerializer.Deserialize<Interval>("""{"amount":0,"unit":"Hours","basis":"Calendar"}""", Json));
}
