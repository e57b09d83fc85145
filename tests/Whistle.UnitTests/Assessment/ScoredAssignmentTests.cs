using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment;

/// <summary>
/// Given whistle and appeal events, routed and folded as the daemon does into one document per department and whistle,
/// Then the documents, and the months' scorecards composed from them as a read composes them.
/// </summary>
public class ScoredAssignmentTests
{
    private static readonly DateTimeOffset April = new(2026, 4, 8, 9, 0, 0, TimeSpan.FromHours(8));

    private static string Key(string department, Guid whistle) => ScoredAssignment.Key(department, whistle);

    [Fact]
    public void two_departments_on_one_whistle_have_a_document_each_and_each_event_changes_its_own_departments()
    {
        var scored = ScoredAfter(Blown(), SignedFor(Lead), Rated(CoHandler, 4));

        scored.Keys.ShouldBe([Key(Lead, WhistleId), Key(CoHandler, WhistleId)], ignoreOrder: true);
        var lead = scored[Key(Lead, WhistleId)];
        (lead.Department, lead.Month, lead.GivenSequence, lead.Assignment.Role).ShouldBe((Lead, March, 1L, AssignmentRole.Lead));
        (lead.Assignment.SignedForAt, lead.Assignment.Rating).ShouldBe((BlownAt.AddMinutes(20), (int?)null));
        var co = scored[Key(CoHandler, WhistleId)];
        (co.Department, co.Month, co.Assignment.Role, co.Assignment.SignedForAt, co.Assignment.Rating)
            .ShouldBe((CoHandler, March, AssignmentRole.CoHandling, (DateTimeOffset?)null, (int?)4));
    }

    [Fact]
    public void an_event_for_an_assignment_never_given_creates_no_document()
    {
        var scored = ScoredAfter(SignedFor(Lead), Blown(), SignedFor(Other), Rated(Other, 1),
            new ScoreAppealLodged(Guid.NewGuid(), new AppealedItem(WhistleId, Other, March), "不属本部门。", 0, BlownAt.AddDays(40), Officer(Other), BlownAt));

        scored.Keys.ShouldBe([Key(Lead, WhistleId), Key(CoHandler, WhistleId)], ignoreOrder: true);
        // The sign-for before the whistle was blown was not kept: the document starts at the blowing.
        scored[Key(Lead, WhistleId)].ShouldSatisfyAllConditions(d => d.GivenSequence.ShouldBe(2), d => d.Assignment.SignedForAt.ShouldBeNull());
    }

    [Fact]
    public void a_departments_month_holds_its_assignments_of_that_month_only_in_the_order_they_were_given()
    {
        object[] events =
        [
            .. OnWhistle(WhistleNo(3), BlownWithSignForDue(Original.SignForDue)),
            .. OnWhistle(WhistleNo(1), BlownWithSignForDue(April)),
            .. OnWhistle(WhistleNo(2), BlownWithSignForDue(Original.SignForDue)),
            .. OnWhistle(WhistleNo(3), SignedFor(Lead)),
        ];

        CardAfter(Lead, March, events).Assignments.Select(a => a.WhistleId).ShouldBe([WhistleNo(3), WhistleNo(2)]);
        CardAfter(Lead, "2026-04", events).Assignments.ShouldHaveSingleItem().WhistleId.ShouldBe(WhistleNo(1));
        CardAfter(CoHandler, March, events).Assignments.ShouldBeEmpty();
        DepartmentScorecard.OfMonth(March, ScoredAfter(events).Values).Keys.ShouldBe([Lead]);
    }

    [Fact]
    public void assignments_given_by_the_same_event_stand_in_the_order_of_their_whistle_ids()
    {
        ScoredAssignment Doc(int n) => new() { Id = Key(Lead, WhistleNo(n)), Department = Lead, Month = March, GivenSequence = 7, Assignment = new() { WhistleId = WhistleNo(n) } };

        DepartmentScorecard.Of(Lead, March, [Doc(2), Doc(1)]).Assignments.Select(a => a.WhistleId).ShouldBe([WhistleNo(1), WhistleNo(2)]);
    }

    [Fact]
    public void a_reassignment_gives_the_department_it_moved_to_a_document_in_the_month_of_its_own_due_time_and_one_brought_back_keeps_its_first()
    {
        var reassigned = DeadlinesFrom(April);
        object[] events =
        [
            Blown(), .. RejectedAndPaused(Lead), Upheld(Lead, Other, reassigned), PauseEnded(Lead), SignedFor(Other),
            // 住建 rejects in turn, and the office brings the whistle back to 城管: 城管 keeps its March assignment.
            Rejected(Other), Upheld(Other, Lead, DeadlinesFrom(April.AddDays(30))), SignedFor(Lead),
        ];

        var scored = ScoredAfter(events);

        var other = scored[Key(Other, WhistleId)];
        (other.Month, other.GivenSequence, other.Assignment.AssignedAt, other.Assignment.SignForDue, other.Assignment.Ruling)
            .ShouldBe(("2026-04", 4L, BlownAt.AddHours(4), reassigned.SignForDue, (ArbitrationRuling?)ArbitrationRuling.Upheld));
        var lead = scored[Key(Lead, WhistleId)];
        (lead.Month, lead.GivenSequence, lead.Assignment.AssignedAt, lead.Assignment.SignForDue, lead.Assignment.Ruling)
            .ShouldBe((March, 1L, BlownAt, Original.SignForDue, (ArbitrationRuling?)ArbitrationRuling.Upheld));
        lead.Assignment.SignedForAt.ShouldBe(BlownAt.AddMinutes(20));
        CardAfter(Lead, March, events).Assignments.ShouldHaveSingleItem().Due.ShouldBeFalse();
        CardAfter(Lead, "2026-05", events).Assignments.ShouldBeEmpty();
        CardAfter(Other, "2026-04", events).Assignments.ShouldHaveSingleItem().RejectedAt.ShouldBe(RejectedAt);
    }

    [Fact]
    public void an_appeal_on_an_item_of_a_past_month_reaches_that_months_assignment_and_one_naming_another_month_changes_nothing()
    {
        var lodged = new ScoreAppealLodged(Guid.NewGuid(), new AppealedItem(WhistleId, Lead, March), "不属本部门职责。", 0, BlownAt.AddDays(40), Officer(Lead), April);
        var ruled = new ScoreAppealRuled(lodged.AppealId, lodged.Item, AppealRuling.Upheld, "经核实。", Users.OfficeActor, April.AddDays(1));
        var astray = new ScoreAppealLodged(Guid.NewGuid(), new AppealedItem(WhistleId, Lead, "2026-04"), "错月。", 0, BlownAt.AddDays(40), Officer(Lead), April);
        object[] events = [Blown(), .. OnWhistle(WhistleNo(5), BlownWithSignForDue(April)), lodged, astray, ruled, lodged];

        var march = CardAfter(Lead, March, events).Assignments.ShouldHaveSingleItem();
        march.Appeals.ShouldHaveSingleItem().ShouldBe(new AssignmentAppeal(lodged.AppealId, null, null, "不属本部门职责。", April, AppealRuling.Upheld, "经核实。", April.AddDays(1)));
        march.Excused.ShouldBeTrue();
        CardAfter(Lead, "2026-04", events).Assignments.ShouldHaveSingleItem().Appeals.ShouldBeEmpty();
        CardAfter(CoHandler, March, events).Assignments.ShouldHaveSingleItem().Appeals.ShouldBeEmpty();
    }
}
