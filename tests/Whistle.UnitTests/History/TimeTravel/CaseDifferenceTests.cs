using Whistle.History.TimeTravel;
using Xunit;

namespace Whistle.UnitTests.History.TimeTravel;

public class CaseDifferenceTests
{
    private static readonly DateTimeOffset T0 = EventSpecification.Now;

    [Fact]
    public void a_first_point_after_the_second_is_refused() =>
        CaseDifference.Order(T0.AddHours(1), 3, T0, 2).ShouldRejectField("from", "must not be after to");

    [Fact]
    public void a_first_version_after_the_second_is_refused_even_at_one_moment() =>
        CaseDifference.Order(T0, 3, T0, 2).ShouldRejectField("from", "must not be after to");

    [Fact]
    public void two_points_in_order_or_the_same_point_are_accepted()
    {
        CaseDifference.Order(T0, 2, T0.AddHours(1), 3).ShouldBeNoProblem();
        CaseDifference.Order(T0, 2, T0, 2).ShouldBeNoProblem();
    }
}
