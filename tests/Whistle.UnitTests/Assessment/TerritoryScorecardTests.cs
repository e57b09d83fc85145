using Shouldly;
using Whistle.Assessment.Territories;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;

namespace Whistle.UnitTests.Assessment;

public class TerritoryScorecardTests
{
    private const string Community = "community:CM0101:2026-11";
    private const string SubDistrict = "subdistrict:SD01:2026-11";
    private static readonly Guid WhistleId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000900");

    private static TerritoryScorecard CardAfter(string id, params object[] events) =>
        events.Aggregate((TerritoryScorecard?)null, (card, e) => TerritoryScorecard.Next(card, id, e))!;

    private static TerritoryFigures FiguresAfter(string id, params object[] events) => TerritoryFigures.Of(CardAfter(id, events).Cases);

    private static ComplaintWhistled Whistled(Guid? complaint = null, Guid? whistle = null) =>
        new(complaint ?? Id, whistle ?? WhistleId, WhistleType.Routine, ["gongan", "chengguan"], Clerk, LodgedAt.AddDays(1));

    private static ComplaintResolved ResolvedWithFollowUpDue(DateTimeOffset dueAt) =>
        new(Id, "彩钢房已拆除。", Clerk, LodgedAt.AddDays(3), new ComplaintDeadline(ComplaintStep.FollowUp, dueAt, dueAt.AddDays(-1), 3, 2));

    private static ComplaintFollowUpRecorded FollowedUpAt(DateTimeOffset at) => new(Id, Satisfaction.Satisfied, null, Clerk, at);

    [Fact]
    public void a_complaint_counts_on_its_communitys_and_its_sub_districts_scorecard_of_the_month_it_was_lodged_in()
    {
        TerritoryScorecard.KeysOf(CommunityId, SubDistrictId, LodgedAt).ShouldBe([Community, SubDistrict]);

        var community = CardAfter(Community, Lodged());
        (community.Level, community.Code, community.SubDistrict, community.Month).ShouldBe(("community", "CM0101", "SD01", "2026-11"));
        community.Cases.ShouldHaveSingleItem().Number.ShouldBe(Number);
        CardAfter(SubDistrict, Lodged()).Cases.Count.ShouldBe(1);
        CardAfter("community:CM0102:2026-11", Lodged()).Cases.ShouldBeEmpty();
    }

    [Fact]
    public void the_month_is_the_lodgings_month_on_the_county_clock()
    {
        // 2026-11-30T16:30Z is 00:30 on 1 December in the county.
        var lodged = Lodged() with { At = new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero) };

        TerritoryScorecard.KeysOf(CommunityId, SubDistrictId, lodged.At)[0].ShouldBe("community:CM0101:2026-12");
        CardAfter(Community, lodged).Cases.ShouldBeEmpty();
        CardAfter("community:CM0101:2026-12", lodged).Cases.Count.ShouldBe(1);
    }

    [Fact]
    public void the_whistle_rate_is_whistled_cases_over_cases_and_null_without_cases()
    {
        var other = Lodged(OtherId, OtherNumber);
        var figures = FiguresAfter(Community, Lodged(), other, Whistled(), Whistled(whistle: Guid.NewGuid()));

        (figures.Cases, figures.Whistled, figures.WhistleRate).ShouldBe((2, 1, (decimal?)0.5m));
        TerritoryFigures.Of([]).WhistleRate.ShouldBeNull();
    }

    [Fact]
    public void a_resolved_complaint_counts_as_solved_without_a_whistle_only_when_none_was_blown_on_it()
    {
        FiguresAfter(Community, Lodged(), Resolved()).ResolvedWithoutWhistle.ShouldBe(1);
        FiguresAfter(Community, Lodged(), Whistled(), Resolved()).ResolvedWithoutWhistle.ShouldBe(0);
        FiguresAfter(Community, Lodged()).ResolvedWithoutWhistle.ShouldBe(0);
    }

    [Fact]
    public void a_follow_up_by_the_due_time_the_resolution_recorded_is_in_time_one_after_it_or_untimed_is_not()
    {
        var due = LodgedAt.AddDays(5);

        var inTime = FiguresAfter(Community, Lodged(), ResolvedWithFollowUpDue(due), FollowedUpAt(due));
        var late = FiguresAfter(Community, Lodged(), ResolvedWithFollowUpDue(due), FollowedUpAt(due.AddSeconds(1)));
        var untimed = FiguresAfter(Community, Lodged(), Resolved(), FollowedUpAt(due));

        (inTime.FollowUps, inTime.FollowUpsInTime).ShouldBe((1, 1));
        (late.FollowUps, late.FollowUpsInTime).ShouldBe((1, 0));
        (untimed.FollowUps, untimed.FollowUpsInTime).ShouldBe((1, 0));
    }

    [Fact]
    public void a_concluded_whistle_counts_once_and_each_department_rated_counts()
    {
        var concluded = new WhistleConcluded(WhistleId, Id, ["gongan", "chengguan"], Clerk, LodgedAt.AddDays(2));
        var figures = FiguresAfter(SubDistrict, Lodged(), Whistled(),
            new DepartmentRated(WhistleId, "gongan", 5, null, Clerk, concluded.At),
            new DepartmentRated(WhistleId, "chengguan", 3, "慢", Clerk, concluded.At),
            concluded, concluded);

        (figures.WhistlesConcluded, figures.Ratings).ShouldBe((1, 2));
        FiguresAfter(SubDistrict, Lodged(), new DepartmentRated(Guid.NewGuid(), "gongan", 5, null, Clerk, LodgedAt)).Ratings.ShouldBe(0);
    }

    [Fact]
    public void the_same_lodging_delivered_twice_counts_once()
    {
        FiguresAfter(Community, Lodged(), Lodged()).Cases.ShouldBe(1);
    }

    private static WhistlerRated RatedBy(string department, int wellFounded, int cooperation, Guid? whistle = null) =>
        new(whistle ?? WhistleId, department, CommunityId, SubDistrictId, wellFounded, cooperation, null, Users.DepartmentOfficerActor(department), LodgedAt.AddDays(2));

    [Fact]
    public void the_departments_ratings_of_the_territory_are_counted_and_averaged_each_rating_the_mean_of_its_two_scores()
    {
        // gongan: 合理 5, 配合 4 → 4.5; chengguan: 合理 2, 配合 3 → 2.5. Means: 合理 3.5, 配合 3.5, rating 3.5.
        var figures = FiguresAfter(Community, Lodged(), Whistled(), RatedBy("gongan", 5, 4), RatedBy("chengguan", 2, 3));

        (figures.RatedByDepartments, figures.WellFounded, figures.Cooperation, figures.RatingFromDepartments)
            .ShouldBe((2, (decimal?)3.5m, (decimal?)3.5m, (decimal?)3.5m));
        FiguresAfter(SubDistrict, Lodged(), Whistled(), RatedBy("gongan", 5, 4), RatedBy("chengguan", 2, 3)).RatedByDepartments.ShouldBe(2);
    }

    [Fact]
    public void the_means_are_rounded_to_two_places_and_null_without_a_rating()
    {
        // 合理 5, 4, 4 → 13 ÷ 3 = 4.333… → 4.33; 配合 5, 5, 4 → 4.666… → 4.67.
        var figures = FiguresAfter(Community, Lodged(), Whistled(), RatedBy("gongan", 5, 5), RatedBy("chengguan", 4, 5), RatedBy("guihua", 4, 4));

        (figures.WellFounded, figures.Cooperation, figures.RatingFromDepartments).ShouldBe(((decimal?)4.33m, (decimal?)4.67m, (decimal?)4.5m));
        var none = FiguresAfter(Community, Lodged(), Whistled());
        (none.RatedByDepartments, none.WellFounded, none.Cooperation, none.RatingFromDepartments).ShouldBe((0, (decimal?)null, (decimal?)null, (decimal?)null));
    }

    [Fact]
    public void a_rating_counts_once_and_only_on_a_whistle_of_the_territorys_cases()
    {
        FiguresAfter(Community, Lodged(), Whistled(), RatedBy("gongan", 5, 4), RatedBy("gongan", 5, 4)).RatedByDepartments.ShouldBe(1);
        FiguresAfter(Community, Lodged(), Whistled(), RatedBy("gongan", 5, 4, Guid.NewGuid())).RatedByDepartments.ShouldBe(0);
    }
}
