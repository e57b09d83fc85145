using Shouldly;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RejectAssignmentTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly RejectAssignment Reject = new("《城乡规划法》第六十四条", "违法建设的认定属规划部门职责。");

    /// <summary>A routine whistle blown Monday 2026-03-02 09:00 may be rejected until the next working day's close.</summary>
    private static readonly DateTimeOffset WindowEnd = new(2026, 3, 3, 17, 0, 0, China);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(RejectAssignment command, params object[] history) =>
        RejectAssignmentEndpoint.Check(command, WhistleAfter(history), Lead, Users.DepartmentOfficer(Lead), Now);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ValidateAt(DateTimeOffset now, params object[] history) =>
        RejectAssignmentEndpoint.Check(Reject, WhistleAfter(history), Lead, Users.DepartmentOfficer(Lead), now);

    [Fact]
    public void a_department_rejects_an_assignment_outside_its_remit_citing_the_legal_basis_and_its_clock_pauses_for_the_ruling()
    {
        var whistle = WhistleAfter(Blown());
        var command = new RejectAssignment(" 《城乡规划法》第六十四条 ", " 违法建设的认定属规划部门职责。 ");

        RejectAssignmentEndpoint.Check(command, whistle, Lead, Users.DepartmentOfficer(Lead), Now).ShouldBeNoProblem();
        var (answer, events, messages) = RejectAssignmentEndpoint.Reject(command, whistle, Lead, Timing, Officer(Lead), Now);

        // Two working days from Monday 10:00 is Wednesday's close; 75% of those 55 hours is 41 h 15 min.
        var ruling = new RulingDeadline(new DateTimeOffset(2026, 3, 4, 17, 0, 0, China), new DateTimeOffset(2026, 3, 4, 3, 15, 0, China), 0, 0);
        events.ShouldBeEvents(
            new AssignmentRejected(WhistleId, Lead, "《城乡规划法》第六十四条", "违法建设的认定属规划部门职责。", Officer(Lead), Now, [Audience.Office]),
            new AssignmentPaused(WhistleId, Lead, PauseReason.AwaitingRuling, ruling, Officer(Lead), Now));
        messages.ShouldSchedule(Scheduled.Ruling(Lead, ruling));
        answer.Find(Lead)!.Status.ShouldBe(AssignmentStatus.Rejected);
    }

    [Fact]
    public void the_rejection_window_of_a_routine_whistle_ends_at_the_close_of_the_next_working_day()
    {
        Blown().Assignments.Select(a => a.RejectionWindowEnd).ShouldBe([WindowEnd, WindowEnd]);
        WhistleAfter(Blown()).Find(Lead)!.RejectionWindowEnd.ShouldBe(WindowEnd);
    }

    [Theory]
    [InlineData(WhistleType.Emergency, "2026-03-02T10:00:00+08:00")]
    [InlineData(WhistleType.Tough, "2026-03-05T17:00:00+08:00")]
    public void each_whistle_type_has_its_own_rejection_window(WhistleType type, string end) =>
        Blown(type: type).Assignments[0].RejectionWindowEnd.ShouldBe(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void a_rejection_at_the_last_moment_of_the_window_is_taken() =>
        ValidateAt(WindowEnd, Blown(), SignedFor(Lead)).ShouldBeNoProblem();

    [Fact]
    public void a_rejection_after_the_window_is_a_conflict_naming_the_window_end()
    {
        var problem = ValidateAt(WindowEnd.AddMinutes(1), Blown(), SignedFor(Lead));

        problem.ShouldBeConflict("The rejection window closed at 2026-03-03 17:00 +08:00");
        problem.Extensions["rejectionWindowEnd"].ShouldBe(WindowEnd);
    }

    [Fact]
    public void an_escalation_does_not_reopen_the_window()
    {
        var at = Original.SignForDue;
        object[] history = [Blown(), Overdue(Lead, DeadlineKind.SignFor, at),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, SignForRenewedFrom(at, Original), at)];

        ValidateAt(WindowEnd.AddHours(1), history).ShouldBeConflict("The rejection window closed");
    }

    [Fact]
    public void a_department_reassigned_the_case_has_its_own_window_from_the_ruling()
    {
        object[] history = [Blown(), .. RejectedAndPaused(CoHandler), PauseEnded(CoHandler), Upheld(CoHandler, Other, DeadlinesFrom(BlownAt.AddHours(4)))];
        var whistle = WhistleAfter(history);
        var officer = Users.DepartmentOfficer(Other);

        whistle.Find(Other)!.RejectionWindowEnd.ShouldBe(WindowEnd);
        RejectAssignmentEndpoint.Check(Reject, whistle, Other, officer, WindowEnd).ShouldBeNoProblem();
        RejectAssignmentEndpoint.Check(Reject, whistle, Other, officer, WindowEnd.AddSeconds(1)).ShouldBeConflict("The rejection window closed");
    }

    [Fact]
    public void an_assignment_recorded_before_the_window_existed_keeps_no_window()
    {
        var blown = Blown();
        var legacy = blown with { Assignments = [.. blown.Assignments.Select(a => a with { RejectionWindowEnd = null })] };

        ValidateAt(WindowEnd.AddDays(30), legacy).ShouldBeNoProblem();
    }

    [Fact]
    public void a_signed_for_assignment_may_still_be_rejected() =>
        Validate(Reject, Blown(), SignedFor(Lead)).ShouldBeNoProblem();

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void a_rejection_without_a_legal_basis_is_a_bad_request(string? legalBasis) =>
        Validate(Reject with { LegalBasis = legalBasis }, Blown()).ShouldRejectField("legalBasis", "Required.");

    [Fact]
    public void a_legal_basis_over_500_characters_is_a_bad_request() =>
        Validate(Reject with { LegalBasis = new string('法', 501) }, Blown()).ShouldRejectField("legalBasis", "At most 500 characters.");

    [Fact]
    public void a_rejection_without_a_reason_is_a_bad_request() =>
        Validate(Reject with { Reason = null }, Blown()).ShouldRejectField("reason", "Required.");

    [Fact]
    public void a_replied_assignment_cannot_be_rejected() =>
        Validate(Reject, Blown(), SignedFor(Lead), Replied(Lead)).ShouldBeConflict("The assignment is Replied; it cannot be rejected now.");

    [Fact]
    public void a_rejected_assignment_cannot_be_rejected_again() =>
        Validate(Reject, Blown(), Rejected(Lead)).ShouldBeConflict("The assignment is Rejected; it cannot be rejected now.");

    [Fact]
    public void another_departments_assignment_does_not_exist_for_an_officer() =>
        RejectAssignmentEndpoint.Check(Reject, WhistleAfter(Blown()), Lead, Users.DepartmentOfficer(CoHandler), Now).ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_cannot_be_rejected() =>
        Validate(Reject, [.. AllReplied, Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void rejecting_with_a_stale_expected_version_is_a_conflict() =>
        Validate(Reject with { ExpectedVersion = 3 }, Blown()).ShouldBeStaleVersion(expected: 3, current: 1);

    [Fact]
    public void after_the_office_overruled_a_rejection_the_department_cannot_reject_again() =>
        Validate(Reject, Blown(), Rejected(Lead), Overruled(Lead, DeadlinesFrom(BlownAt.AddDays(1))))
            .ShouldBeConflict("cannot reject again");
}
