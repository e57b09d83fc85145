using Shouldly;
using Whistle.Assessment.Territories;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;

namespace Whistle.UnitTests.Assessment;

public class TwoWayAssessmentTests
{
    private static readonly Guid WhistleId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000901");

    /// <summary>The sub-district's cases after the events: here, the one complaint's.</summary>
    private static IReadOnlyCollection<AssessedCase> CasesAfter(params object[] events) =>
        [events.Aggregate((TerritoryCase?)null, (doc, e) => TerritoryCase.Next(doc, Id, e))!.Case];

    [Fact]
    public void each_department_stands_beside_the_sub_district_both_ways()
    {
        var at = LodgedAt.AddDays(2);
        var cases = CasesAfter(
            Lodged(),
            new ComplaintWhistled(Id, WhistleId, WhistleType.Routine, ["gongan", "chengguan"], Clerk, LodgedAt.AddDays(1)),
            new WhistlerRated(WhistleId, "gongan", CommunityId, SubDistrictId, 5, 4, null, Users.DepartmentOfficerActor("gongan"), at),
            new WhistlerRated(WhistleId, "chengguan", CommunityId, SubDistrictId, 2, 2, "诉求不属实", Users.DepartmentOfficerActor("chengguan"), at),
            new DepartmentRated(WhistleId, "gongan", 5, null, Users.CommunityWorkerActor, at.AddDays(1)),
            new DepartmentRated(WhistleId, "chengguan", 2, null, Users.CommunityWorkerActor, at.AddDays(1)));

        var twoWay = TwoWaySubDistrict.Of("SD01", cases);

        (twoWay.SubDistrict, twoWay.RatingsGiven, twoWay.RatingGiven, twoWay.RatingsReceived, twoWay.RatingReceived)
            .ShouldBe(("SD01", 2, (decimal?)3.5m, 2, (decimal?)3.25m));
        twoWay.Departments.ShouldBe(
        [
            new TwoWayPair("chengguan", RatingsGiven: 1, RatingGiven: 2m, RatingsReceived: 1, WellFounded: 2m, Cooperation: 2m, RatingReceived: 2m),
            new TwoWayPair("gongan", RatingsGiven: 1, RatingGiven: 5m, RatingsReceived: 1, WellFounded: 5m, Cooperation: 4m, RatingReceived: 4.5m),
        ]);
    }

    [Fact]
    public void a_department_rated_only_one_way_shows_nothing_the_other_way()
    {
        var cases = CasesAfter(
            Lodged(),
            new ComplaintWhistled(Id, WhistleId, WhistleType.Routine, ["gongan"], Clerk, LodgedAt.AddDays(1)),
            new DepartmentRated(WhistleId, "gongan", 4, null, Users.CommunityWorkerActor, LodgedAt.AddDays(3)));

        TwoWaySubDistrict.Of("SD01", cases).Departments.ShouldBe([new TwoWayPair("gongan", 1, 4m, 0, null, null, null)]);
        var none = TwoWaySubDistrict.Of("SD01", []);
        (none.RatingsGiven, none.RatingGiven, none.RatingsReceived, none.RatingReceived, none.Departments.Count).ShouldBe((0, (decimal?)null, 0, (decimal?)null, 0));
    }
}
