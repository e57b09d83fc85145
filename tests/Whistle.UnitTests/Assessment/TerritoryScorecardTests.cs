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
    private const string Month = "2026-11";
    private static readonly Guid WhistleId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000900");

    /// <summary>One complaint's document after the events (the projection routes them by complaint; the fold ignores the others').</summary>
    private static TerritoryCase? CaseAfter(Guid id, params object[] events) =>
        events.Aggregate((TerritoryCase?)null, (doc, e) => TerritoryCase.Next(doc, id, e));

    /// <summary>Every lodged complaint's document, each given the order of its first lodging as the projection stamps it.</summary>
    private static List<TerritoryCase> CasesAfter(params object[] events) =>
        [.. events.OfType<ComplaintLodged>().Select(e => e.ComplaintId).Distinct()
            .Select((id, i) => CaseAfter(id, events)! with { LodgedSequence = i + 1 })];

    private static IReadOnlyList<TerritoryScorecardView> ScorecardsAfter(params object[] events) =>
        TerritoryScorecardView.Group(Month, CasesAfter(events), subDistricts: true);

    private static TerritoryFigures FiguresAfter(string level, params object[] events) =>
        ScorecardsAfter(events).Single(v => v.Level == level).Figures;

    private static ComplaintWhistled Whistled(Guid? complaint = null, Guid? whistle = null) =>
        new(complaint ?? Id, whistle ?? WhistleId, WhistleType.Routine, ["gongan", "chengguan"], Clerk, LodgedAt.AddDays(1));

    private static ComplaintResolved ResolvedWithFollowUpDue(DateTimeOffset dueAt, DateTimeOffset? at = null) =>
        new(Id, "彩钢房已拆除。", Clerk, at ?? LodgedAt.AddDays(3), new ComplaintDeadline(ComplaintStep.FollowUp, dueAt, dueAt.AddDays(-1), 3, 2));

    private static ComplaintFollowUpRecorded FollowedUpAt(DateTimeOffset at) => new(Id, Satisfaction.Satisfied, null, Clerk, at);

    [Fact]
    public void a_complaint_is_one_document_naming_its_community_its_sub_district_and_its_month()
    {
        var doc = CaseAfter(Id, Lodged())!;

        (doc.Id, doc.Community, doc.SubDistrict, doc.Month).ShouldBe((Id, "CM0101", "SD01", "2026-11"));
        (doc.Case.ComplaintId, doc.Case.Number, doc.Case.LodgedAt).ShouldBe((Id, Number, LodgedAt));
        CaseAfter(OtherId, Lodged()).ShouldBeNull();
        CaseAfter(Id, Resolved()).ShouldBeNull();   // nothing before the lodging
    }

    [Fact]
    public void a_complaint_counts_on_its_communitys_and_its_sub_districts_scorecard()
    {
        var scorecards = ScorecardsAfter(Lodged());

        scorecards.Select(s => (s.Level, s.Code, s.SubDistrict, s.Month)).ShouldBe(
            [(TerritoryLevel.SubDistrict, "SD01", "SD01", Month), (TerritoryLevel.Community, "CM0101", "SD01", Month)]);
        scorecards.ShouldAllBe(s => s.Cases.Single().Number == Number);
    }

    [Fact]
    public void the_month_is_the_lodgings_month_on_the_county_clock()
    {
        // 2026-11-30T16:30Z is 00:30 on 1 December in the county.
        CaseAfter(Id, Lodged() with { At = new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero) })!.Month.ShouldBe("2026-12");
        CaseAfter(Id, Lodged() with { At = new DateTimeOffset(2026, 11, 30, 15, 59, 59, TimeSpan.Zero) })!.Month.ShouldBe("2026-11");
    }

    [Fact]
    public void later_events_count_on_the_lodgings_month_whatever_month_they_happen_in()
    {
        var due = LodgedAt.AddMonths(1);
        var doc = CaseAfter(Id, Lodged(), ResolvedWithFollowUpDue(due, LodgedAt.AddMonths(1).AddDays(-2)), FollowedUpAt(due))!;

        doc.Month.ShouldBe("2026-11");
        (doc.Case.FollowUps, doc.Case.FollowUpsInTime).ShouldBe((1, 1));
    }

    [Fact]
    public void the_whistle_rate_is_whistled_cases_over_cases_and_null_without_cases()
    {
        var other = Lodged(OtherId, OtherNumber);
        var figures = FiguresAfter(TerritoryLevel.Community, Lodged(), other, Whistled(), Whistled(whistle: Guid.NewGuid()));

        (figures.Cases, figures.Whistled, figures.WhistleRate).ShouldBe((2, 1, (decimal?)0.5m));
        TerritoryFigures.Of([]).WhistleRate.ShouldBeNull();
    }

    [Fact]
    public void the_same_whistle_blown_twice_counts_once()
    {
        CaseAfter(Id, Lodged(), Whistled(), Whistled())!.Case.Whistles.ShouldBe([WhistleId]);
    }

    [Fact]
    public void a_resolved_complaint_counts_as_solved_without_a_whistle_only_when_none_was_blown_on_it()
    {
        FiguresAfter(TerritoryLevel.Community, Lodged(), Resolved()).ResolvedWithoutWhistle.ShouldBe(1);
        FiguresAfter(TerritoryLevel.Community, Lodged(), Whistled(), Resolved()).ResolvedWithoutWhistle.ShouldBe(0);
        FiguresAfter(TerritoryLevel.Community, Lodged()).ResolvedWithoutWhistle.ShouldBe(0);
    }

    [Fact]
    public void a_follow_up_by_the_due_time_the_resolution_recorded_is_in_time_one_after_it_or_untimed_is_not()
    {
        var due = LodgedAt.AddDays(5);

        var inTime = FiguresAfter(TerritoryLevel.Community, Lodged(), ResolvedWithFollowUpDue(due), FollowedUpAt(due));
        var late = FiguresAfter(TerritoryLevel.Community, Lodged(), ResolvedWithFollowUpDue(due), FollowedUpAt(due.AddSeconds(1)));
        var untimed = FiguresAfter(TerritoryLevel.Community, Lodged(), Resolved(), FollowedUpAt(due));

        (inTime.FollowUps, inTime.FollowUpsInTime).ShouldBe((1, 1));
        (late.FollowUps, late.FollowUpsInTime).ShouldBe((1, 0));
        (untimed.FollowUps, untimed.FollowUpsInTime).ShouldBe((1, 0));
    }

    [Fact]
    public void a_reopened_complaint_resolved_again_keeps_the_later_resolution_and_its_follow_up_due_time()
    {
        var firstDue = LodgedAt.AddDays(5);
        var laterDue = LodgedAt.AddDays(12);
        var doc = CaseAfter(Id, Lodged(), ResolvedWithFollowUpDue(firstDue), Reopened(),
            ResolvedWithFollowUpDue(laterDue, LodgedAt.AddDays(9)), FollowedUpAt(laterDue.AddDays(-1)))!;

        (doc.Case.ResolvedAt, doc.Case.FollowUpDue).ShouldBe(((DateTimeOffset?)LodgedAt.AddDays(9), (DateTimeOffset?)laterDue));
        (doc.Case.FollowUps, doc.Case.FollowUpsInTime).ShouldBe((1, 1));   // after the first due time, by the later one
    }

    [Fact]
    public void a_concluded_whistle_counts_once_and_each_department_rated_counts()
    {
        var concluded = new WhistleConcluded(WhistleId, Id, ["gongan", "chengguan"], Clerk, LodgedAt.AddDays(2));
        var figures = FiguresAfter(TerritoryLevel.SubDistrict, Lodged(), Whistled(),
            new DepartmentRated(WhistleId, "gongan", 5, null, Clerk, concluded.At),
            new DepartmentRated(WhistleId, "chengguan", 3, "慢", Clerk, concluded.At),
            concluded, concluded);

        (figures.WhistlesConcluded, figures.Ratings).ShouldBe((1, 2));
        FiguresAfter(TerritoryLevel.SubDistrict, Lodged(), new DepartmentRated(Guid.NewGuid(), "gongan", 5, null, Clerk, LodgedAt)).Ratings.ShouldBe(0);
    }

    [Fact]
    public void the_same_lodging_delivered_twice_counts_once()
    {
        FiguresAfter(TerritoryLevel.Community, Lodged(), Lodged()).Cases.ShouldBe(1);
        CaseAfter(Id, Lodged(), Lodged() with { Number = "TS-2026-999999" })!.Case.Number.ShouldBe(Number);
    }

    private static WhistlerRated RatedBy(string department, int wellFounded, int cooperation, Guid? whistle = null) =>
        new(whistle ?? WhistleId, department, CommunityId, SubDistrictId, wellFounded, cooperation, null, Users.DepartmentOfficerActor(department), LodgedAt.AddDays(2));

    [Fact]
    public void the_departments_ratings_of_the_territory_are_counted_and_averaged_each_rating_the_mean_of_its_two_scores()
    {
        // gongan: 合理 5, 配合 4 → 4.5; chengguan: 合理 2, 配合 3 → 2.5. Means: 合理 3.5, 配合 3.5, rating 3.5.
        var figures = FiguresAfter(TerritoryLevel.Community, Lodged(), Whistled(), RatedBy("gongan", 5, 4), RatedBy("chengguan", 2, 3));

        (figures.RatedByDepartments, figures.WellFounded, figures.Cooperation, figures.RatingFromDepartments)
            .ShouldBe((2, (decimal?)3.5m, (decimal?)3.5m, (decimal?)3.5m));
        FiguresAfter(TerritoryLevel.SubDistrict, Lodged(), Whistled(), RatedBy("gongan", 5, 4), RatedBy("chengguan", 2, 3)).RatedByDepartments.ShouldBe(2);
    }

    [Fact]
    public void the_means_are_rounded_to_two_places_and_null_without_a_rating()
    {
        // 合理 5, 4, 4 → 13 ÷ 3 = 4.333… → 4.33; 配合 5, 5, 4 → 4.666… → 4.67.
        var figures = FiguresAfter(TerritoryLevel.Community, Lodged(), Whistled(), RatedBy("gongan", 5, 5), RatedBy("chengguan", 4, 5), RatedBy("guihua", 4, 4));

        (figures.WellFounded, figures.Cooperation, figures.RatingFromDepartments).ShouldBe(((decimal?)4.33m, (decimal?)4.67m, (decimal?)4.5m));
        var none = FiguresAfter(TerritoryLevel.Community, Lodged(), Whistled());
        (none.RatedByDepartments, none.WellFounded, none.Cooperation, none.RatingFromDepartments).ShouldBe((0, (decimal?)null, (decimal?)null, (decimal?)null));
    }

    [Fact]
    public void a_rating_counts_once_and_only_on_a_whistle_of_the_territorys_cases()
    {
        FiguresAfter(TerritoryLevel.Community, Lodged(), Whistled(), RatedBy("gongan", 5, 4), RatedBy("gongan", 5, 4)).RatedByDepartments.ShouldBe(1);
        FiguresAfter(TerritoryLevel.Community, Lodged(), Whistled(), RatedBy("gongan", 5, 4, Guid.NewGuid())).RatedByDepartments.ShouldBe(0);
    }

    [Fact]
    public void two_communities_of_a_sub_district_each_have_their_scorecard_and_the_sub_districts_holds_both()
    {
        var scorecards = ScorecardsAfter(
            Lodged(), Lodged(OtherId, OtherNumber, NeighbourCommunityId), Whistled(),
            Lodged(EarlierId, EarlierNumber, OtherSubDistrictCommunityId, OtherSubDistrictId));

        scorecards.Select(s => (s.Level, s.Code, s.SubDistrict, s.Figures.Cases, s.Figures.Whistled)).ShouldBe(
        [
            (TerritoryLevel.SubDistrict, "SD01", "SD01", 2, 1),
            (TerritoryLevel.SubDistrict, "SD02", "SD02", 1, 0),
            (TerritoryLevel.Community, "CM0101", "SD01", 1, 1),
            (TerritoryLevel.Community, "CM0102", "SD01", 1, 0),
            (TerritoryLevel.Community, "CM0201", "SD02", 1, 0),
        ]);
        scorecards[0].Cases.Select(c => c.Number).ShouldBe([Number, OtherNumber]);   // in the order they were lodged
    }

    [Fact]
    public void a_scorecard_lists_its_cases_in_the_order_they_were_lodged_whatever_their_ids()
    {
        var cases = CasesAfter(Lodged(OtherId, OtherNumber), Lodged(EarlierId, EarlierNumber), Lodged());

        var community = TerritoryScorecardView.Group(Month, [.. Enumerable.Reverse(cases)], subDistricts: false).ShouldHaveSingleItem();

        community.Level.ShouldBe(TerritoryLevel.Community);
        community.Cases.Select(c => c.Number).ShouldBe([OtherNumber, EarlierNumber, Number]);
    }

    [Fact]
    public void a_reader_without_the_sub_district_level_gets_the_communities_alone_and_no_case_no_scorecard()
    {
        TerritoryScorecardView.Group(Month, CasesAfter(Lodged()), subDistricts: false).Select(s => s.Code).ShouldBe(["CM0101"]);
        TerritoryScorecardView.Group(Month, [], subDistricts: true).ShouldBeEmpty();
    }
}
