using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RejectAssignmentTests
{
    private static readonly RejectAssignment Reject = new("《城乡规划法》第六十四条", "违法建设的认定属规划部门职责。");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(RejectAssignment command, params object[] history) =>
        RejectAssignmentEndpoint.Validate(command, WhistleAfter(history), Lead, Users.DepartmentOfficer(Lead));

    [Fact]
    public void a_department_rejects_an_assignment_outside_its_remit_citing_the_legal_basis()
    {
        var whistle = WhistleAfter(Blown());
        var command = new RejectAssignment(" 《城乡规划法》第六十四条 ", " 违法建设的认定属规划部门职责。 ");

        RejectAssignmentEndpoint.Validate(command, whistle, Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();
        var (_, events) = RejectAssignmentEndpoint.Post(command, whistle, Lead, Users.DepartmentOfficer(Lead), Now);

        events.ShouldBeEvents(new AssignmentRejected(
            WhistleId, Lead, "《城乡规划法》第六十四条", "违法建设的认定属规划部门职责。", Officer(Lead), Now, [Audience.Office]));
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
        RejectAssignmentEndpoint.Validate(Reject, WhistleAfter(Blown()), Lead, Users.DepartmentOfficer(CoHandler)).ShouldBeNotFound();

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
