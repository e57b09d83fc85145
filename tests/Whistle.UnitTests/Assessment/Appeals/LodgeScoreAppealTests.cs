using Shouldly;
using Whistle.Assessment.Appeals;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment.Appeals;

/// <summary>
/// Given the whistle's events (blown 2026-03-02, sign-for due 2026-03-03: March) and the policy, When a department
/// officer appeals, Then the appeal's first event or the ProblemDetails. March's window under the default 10 days closes
/// at 2026-04-11 00:00 China time.
/// </summary>
public class LodgeScoreAppealTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset WindowEnd = new(2026, 4, 11, 0, 0, 0, China);
    private static readonly DateTimeOffset InMarch = new(2026, 3, 20, 10, 0, 0, China);

    private static AppealLodging Lodging(string department, bool appealed = false, DeadlinePolicy? policy = null, params object[] events) =>
        new(AppealGrounds.Of([Blown(), .. events], department), policy ?? DeadlinePolicy.Default, appealed);

    private static LodgeScoreAppeal OnAssignment => new(WhistleId, "现场为省管道路，不属本部门职责。");

    [Fact]
    public void an_appeal_on_the_departments_assignment_starts_its_stream_with_the_item_its_month_and_the_window()
    {
        var lodging = Lodging(Lead);

        LodgeScoreAppealEndpoint.Check(OnAssignment, lodging, InMarch).ShouldBeNoProblem();
        var (response, stream) = LodgeScoreAppealEndpoint.Lodge(OnAssignment, lodging, Lead, Officer(Lead), InMarch);

        var item = new AppealedItem(WhistleId, Lead, "2026-03");
        response.AppealId.ShouldBe(LodgeScoreAppealEndpoint.AppealIdOf(item));
        stream.Events.ShouldHaveSingleItem().ShouldBe(
            new ScoreAppealLodged(response.AppealId, item, "现场为省管道路，不属本部门职责。", 0, WindowEnd, Officer(Lead), InMarch));
    }

    [Fact]
    public void an_appeal_on_a_missed_deadline_names_it_and_is_another_item_than_the_assignment()
    {
        var due = Original.SignForDue;
        var command = OnAssignment with { Kind = DeadlineKind.SignFor, DueAt = due };
        var lodging = Lodging(Lead, false, null, Overdue(Lead, DeadlineKind.SignFor, due));

        LodgeScoreAppealEndpoint.Check(command, lodging, InMarch).ShouldBeNoProblem();
        var (response, stream) = LodgeScoreAppealEndpoint.Lodge(command, lodging, Lead, Officer(Lead), InMarch);

        stream.Events.ShouldHaveSingleItem().ShouldBeOfType<ScoreAppealLodged>().Item
            .ShouldBe(new AppealedItem(WhistleId, Lead, "2026-03", DeadlineKind.SignFor, due));
        response.AppealId.ShouldNotBe(LodgeScoreAppealEndpoint.AppealIdOf(new AppealedItem(WhistleId, Lead, "2026-03")));
    }

    [Fact]
    public void an_appeal_on_a_whistle_the_department_was_never_given_is_404()
    {
        LodgeScoreAppealEndpoint.Check(OnAssignment, Lodging(Other), InMarch).ShouldBeNotFound();
        LodgeScoreAppealEndpoint.Check(OnAssignment, new AppealLodging(null, DeadlinePolicy.Default, false), InMarch).ShouldBeNotFound();
    }

    [Fact]
    public void an_appeal_on_a_deadline_the_department_was_not_charged_with_is_404()
    {
        var command = OnAssignment with { Kind = DeadlineKind.Reply, DueAt = Original.ReplyDue };

        LodgeScoreAppealEndpoint.Check(command, Lodging(Lead), InMarch).ShouldBeNotFound();
    }

    [Fact]
    public void an_appeal_after_the_window_is_409_naming_its_end_and_one_at_its_last_moment_is_taken()
    {
        var late = LodgeScoreAppealEndpoint.Check(OnAssignment, Lodging(Lead), WindowEnd);

        late.ShouldBeConflict("The appeal window for 2026-03 closed at 2026-04-11 00:00 +08:00");
        late.Extensions["appealWindowEnd"].ShouldBe(WindowEnd);
        LodgeScoreAppealEndpoint.Check(OnAssignment, Lodging(Lead), WindowEnd.AddTicks(-1)).ShouldBeNoProblem();
    }

    [Fact]
    public void the_window_is_the_policy_versions_own_when_it_gives_one()
    {
        var policy = DeadlinePolicy.Default with { Version = 4, Assessment = new AssessmentWeights(30, 35, 35, AppealWindowDays: 3) };
        var lodging = Lodging(Lead, false, policy);

        LodgeScoreAppealEndpoint.Check(OnAssignment, lodging, new DateTimeOffset(2026, 4, 4, 0, 0, 0, China)).Status.ShouldBe(409);
        var (_, stream) = LodgeScoreAppealEndpoint.Lodge(OnAssignment, lodging, Lead, Officer(Lead), InMarch);
        stream.Events.ShouldHaveSingleItem().ShouldBeOfType<ScoreAppealLodged>().ShouldSatisfyAllConditions(
            e => e.PolicyVersion.ShouldBe(4),
            e => e.WindowEnd.ShouldBe(new DateTimeOffset(2026, 4, 4, 0, 0, 0, China)));
    }

    [Fact]
    public void a_second_appeal_on_the_same_item_is_409()
    {
        LodgeScoreAppealEndpoint.Check(OnAssignment, Lodging(Lead, appealed: true), InMarch).ShouldBeConflict("already been appealed");
    }

    [Fact]
    public void an_appeal_without_whistle_or_reason_or_with_half_a_deadline_is_400_naming_the_fields()
    {
        var problem = LodgeScoreAppealEndpoint.Check(new LodgeScoreAppeal(null, " ", DeadlineKind.SignFor), Lodging(Lead), InMarch);

        problem.ShouldRejectFields("dueAt", "reason", "whistleId");
    }

    [Fact]
    public void a_department_a_ruling_brought_in_is_assessed_in_the_month_of_its_own_first_sign_for_due()
    {
        var renewed = DeadlinesFrom(new DateTimeOffset(2026, 3, 31, 10, 0, 0, China));

        var assessed = AppealGrounds.Of([Blown(), .. RejectedAndPaused(Lead), Upheld(Lead, Other, renewed)], Other);

        assessed.ShouldNotBeNull().Month.ShouldBe("2026-04");
    }
}
