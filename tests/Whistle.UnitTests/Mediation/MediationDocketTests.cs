using Shouldly;
using Whistle.Kernel;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class MediationDocketTests
{
    private static MediationDocket.Item ItemAt(DateTimeOffset now, params object[] history) => MediationDocket.From(DetailsAfter(history), now);

    [Fact]
    public void a_case_in_mediation_shows_its_next_session_and_the_days_left_of_its_limit()
    {
        var item = ItemAt(Now, [.. AcceptedHistory(), MediatorNamed(), SessionHeld(At(3, 12, 9, 0))]);

        item.NextSessionAt.ShouldBe(At(3, 12, 9, 0));
        item.LimitLastDay.ShouldBe(LimitLastDay);
        item.LimitDaysLeft.ShouldBe(24);
        item.Overdue.ShouldBeFalse();
        item.NextDue.ShouldBe(new DateOnly(2026, 3, 12));
        item.Parties.ShouldBe(["王大妈", "李先生"]);
    }

    [Fact]
    public void the_last_day_counts_as_zero_days_left_and_the_next_as_minus_one()
    {
        ItemAt(At(4, 2, 23, 0), AcceptedHistory()).LimitDaysLeft.ShouldBe(0);
        ItemAt(At(4, 3, 0, 30), AcceptedHistory()).LimitDaysLeft.ShouldBe(-1);
    }

    [Fact]
    public void an_overdue_case_is_flagged() =>
        ItemAt(At(4, 3), [.. AcceptedHistory(), Overdue(LimitLastDay)]).Overdue.ShouldBeTrue();

    [Theory]
    [InlineData(4, 9, 11, false)]
    [InlineData(4, 10, 10, true)]
    [InlineData(4, 20, 0, true)]
    public void a_confirmation_window_with_ten_days_or_fewer_left_is_closing_soon(int month, int day, int left, bool soon)
    {
        var item = ItemAt(At(month, day), AgreedHistory());

        item.ConfirmationLastDay.ShouldBe(ConfirmationLastDay);
        item.ConfirmationDaysLeft.ShouldBe(left);
        item.ConfirmationClosingSoon.ShouldBe(soon);
        item.LimitLastDay.ShouldBeNull();
    }

    [Fact]
    public void a_window_closed_or_applied_for_is_no_longer_shown()
    {
        ItemAt(At(4, 21), AgreedHistory()).ConfirmationLastDay.ShouldBeNull();
        ItemAt(At(4, 10), [.. AgreedHistory(), Applied(new DateOnly(2026, 4, 1))]).ConfirmationClosingSoon.ShouldBeFalse();
    }

    [Fact]
    public void the_court_is_late_once_its_due_day_passes_without_a_decision()
    {
        var applied = new DateOnly(2026, 4, 1);
        object[] history = [.. AgreedHistory(), Applied(applied)];

        ItemAt(At(4, 4, 23, 0), history).ShouldSatisfyAllConditions(i => i.CourtDueOn.ShouldBe(applied.AddDays(3)), i => i.CourtLate.ShouldBeFalse());
        ItemAt(At(4, 5), history).CourtLate.ShouldBeTrue();
        ItemAt(At(4, 5), [.. history, CourtAccepted(applied, applied.AddDays(2))]).ShouldSatisfyAllConditions(
            i => i.CourtDueOn.ShouldBe(applied.AddDays(17)), i => i.CourtLate.ShouldBeFalse());
    }

    [Fact]
    public void an_agreement_past_its_performance_deadline_is_due_for_follow_up()
    {
        ItemAt(At(4, 5), AgreedHistory()).FollowUpDue.ShouldBeFalse();
        ItemAt(At(4, 6), AgreedHistory()).ShouldSatisfyAllConditions(
            i => i.FollowUpDue.ShouldBeTrue(), i => i.PerformanceDeadline.ShouldBe(PerformanceDeadline),
            i => i.NextDue.ShouldBe(PerformanceDeadline));
    }

    [Fact]
    public void a_mediator_asking_for_another_mediators_docket_finds_none()
    {
        var mediator = Users.User("mediator", "吴调解", Roles.Mediator);

        MediationDocketEndpoint.Validate("mediator2", mediator).ShouldBeNotFound();
        MediationDocketEndpoint.Validate("mediator", mediator).ShouldBeNoProblem();
        MediationDocketEndpoint.Validate(null, mediator).ShouldBeNoProblem();
        MediationDocketEndpoint.Validate("mediator2", Users.Office).ShouldBeNoProblem();
    }
}

/// <summary>Who reads which mediation case and docket, as <see cref="Scope"/> decides.</summary>
public class MediationScopeTests
{
    private static readonly MediationCaseDetails Details = DetailsAfter(Opened());

    public static TheoryData<string> Readers => [Roles.Mediator, Roles.Clerk, Roles.Office, Roles.Analyst, Roles.Admin];

    [Theory]
    [MemberData(nameof(Readers))]
    public void every_mediation_reader_sees_a_case_and_reads_dockets(string role)
    {
        var user = Users.User("u-" + role, null, role);

        MediationCaseDetailsEndpoint.Validate(Id, Details, user).ShouldBeNoProblem();
        MediationDocketEndpoint.Validate(null, user).ShouldBeNoProblem();
    }

    [Fact]
    public void area_workers_do_not_see_mediation_cases_even_in_their_own_area()
    {
        MediationCaseDetailsEndpoint.Validate(Id, Details, Users.CommunityWorker("CM0101", "SD01")).ShouldBeNotFound();
        MediationCaseDetailsEndpoint.Validate(Id, Details, Users.SubDistrictWorker("SD01")).ShouldBeNotFound();
        MediationDocketEndpoint.Validate(null, Users.CommunityWorker("CM0101", "SD01")).Status.ShouldBe(403);
    }

    [Fact]
    public void a_mediator_reads_their_own_docket_and_another_mediators_is_not_found()
    {
        var mediator = Users.User("mediator", "吴调解", Roles.Mediator);

        MediationDocketEndpoint.Validate("mediator", mediator).ShouldBeNoProblem();
        MediationDocketEndpoint.Validate("mediator2", mediator).ShouldBeNotFound();
        MediationDocketEndpoint.Whose(Scope.Of(mediator), null).ShouldBe("mediator");
        MediationDocketEndpoint.Whose(Scope.Of(Users.Clerk), "mediator2").ShouldBe("mediator2");
        MediationDocketEndpoint.Whose(Scope.Of(Users.Office), null).ShouldBeNull();
    }

    [Fact]
    public void an_unknown_case_is_not_found() =>
        MediationCaseDetailsEndpoint.Validate(Id, null, Users.Admin).ShouldBeNotFound();
}
