using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class MediationMonthElapsedHandlerTests
{
    private static readonly DateTimeOffset DueAt = MediationTimes.EndOf(LimitLastDay);

    private static Wolverine.Marten.Events Decide(DateTimeOffset dueAt, params object[] history) =>
        MediationMonthElapsedHandler.Decide(new MediationMonthElapsed(Id, dueAt), CaseAfter(history), dueAt);

    [Fact]
    public void a_case_still_in_mediation_when_its_month_passes_is_flagged_overdue() =>
        Decide(DueAt, AcceptedHistory()).ShouldBeEvents(new MediationOverdue(Id, LimitLastDay, DueAt));

    [Fact]
    public void the_same_message_delivered_twice_flags_once() =>
        Decide(DueAt, [.. AcceptedHistory(), Overdue(LimitLastDay)]).ShouldBeEmpty();

    [Fact]
    public void a_limit_moved_by_an_extension_makes_the_old_message_stale()
    {
        var extended = new DateOnly(2026, 4, 30);
        object[] history = [.. AcceptedHistory(), Extended(extended)];

        Decide(DueAt, history).ShouldBeEmpty();
        Decide(MediationTimes.EndOf(extended), history).ShouldBeEvents(
            new MediationOverdue(Id, extended, MediationTimes.EndOf(extended)));
    }

    [Fact]
    public void an_extension_after_the_case_was_overdue_lets_the_new_limit_flag_it_again()
    {
        var extended = new DateOnly(2026, 4, 30);

        Decide(MediationTimes.EndOf(extended), [.. AcceptedHistory(), Overdue(LimitLastDay), Extended(extended)])
            .ShouldHaveSingleItem().ShouldBeOfType<MediationOverdue>();
    }

    [Fact]
    public void a_case_that_reached_an_agreement_is_not_overdue() => Decide(DueAt, AgreedHistory()).ShouldBeEmpty();

    [Fact]
    public void a_case_that_failed_is_not_overdue() => Decide(DueAt, [.. ReadyHistory(), Failed()]).ShouldBeEmpty();

    [Fact]
    public void the_limit_is_scheduled_at_midnight_after_its_last_day() =>
        new[] { MediationMonthElapsedHandler.Schedule(Id, LimitLastDay) }
            .ShouldBeMessages(new Outgoing(new MediationMonthElapsed(Id, At(4, 3, 0, 0)), At(4, 3, 0, 0)));
}
