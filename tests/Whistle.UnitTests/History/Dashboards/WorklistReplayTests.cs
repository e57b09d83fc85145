using Shouldly;
using Whistle.History.Dashboards;
using Whistle.JointMeetings.Worklist;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.History.Dashboards.PastEventsHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.History.Dashboards;

/// <summary>Given a whistle's stored events, Then the worklist replayed from them: the projection's own Create and Apply.</summary>
public class WorklistReplayTests
{
    [Fact]
    public void the_replay_holds_the_items_the_projection_folds_and_lists_them_as_the_live_endpoint_at_the_given_moment()
    {
        var missed = Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue);
        object[] whistle = [Blown(WhistleLevel.JointMeeting), missed];

        var replayed = WorklistReplay.Replay(OnStream(WhistleId, whistle)).ShouldHaveSingleItem();

        replayed.Items.ShouldBe(EventSpecification.Project<WorklistProjection, WorklistWhistle>(whistle).Items);
        var list = WorklistReplay.List([replayed], Original.SignForDue.AddMinutes(90));
        list.Items.Select(i => (i.Kind, i.Department, i.OverdueMinutes)).ShouldBe(
            [(WorklistKind.AtCountyLevel, (string?)null, (long?)null), (WorklistKind.Overdue, Lead, 90)]);
    }

    [Fact]
    public void a_department_that_signs_for_later_cures_its_overdue_item_and_a_concluded_whistle_lists_nothing()
    {
        var missed = Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue);

        WorklistReplay.Replay(OnStream(WhistleId, Blown(), missed, SignedForAt(Lead, Original.SignForDue.AddHours(1)))).ShouldHaveSingleItem().Items.ShouldBeEmpty();
        WorklistReplay.Replay(OnStream(WhistleId, Blown(WhistleLevel.JointMeeting), Concluded())).ShouldHaveSingleItem().Items.ShouldBeEmpty();
    }

    [Fact]
    public void the_worklist_reads_every_event_type_the_projection_applies()
    {
        WorklistReplay.EventTypes.ShouldContain(typeof(WhistleBlown));
        WorklistReplay.EventTypes.ShouldContain(typeof(AssignmentOverdue));
        WorklistReplay.EventTypes.ShouldContain(typeof(WhistleConcluded));
        WorklistReplay.EventTypes.Count.ShouldBe(typeof(WorklistProjection).GetMethods().Count(m => m.Name == "Apply") + 1);
    }
}
