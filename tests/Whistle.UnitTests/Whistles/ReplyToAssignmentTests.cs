using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class ReplyToAssignmentTests
{
    private static readonly ReplyToAssignment Reply = new("彩钢房已拆除，现场已清理。", ["photo-after.jpg"]);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(ReplyToAssignment command, params object[] history) =>
        ReplyToAssignmentEndpoint.Validate(command, WhistleAfter(history), Lead, Users.DepartmentOfficer(Lead));

    [Fact]
    public void a_department_that_signed_for_its_assignment_replies_with_the_result_and_evidence()
    {
        var whistle = WhistleAfter(Blown(), SignedFor(Lead));
        var command = new ReplyToAssignment("  彩钢房已拆除。 ", [" photo-after.jpg ", "notice-2026-031.pdf"]);

        ReplyToAssignmentEndpoint.Validate(command, whistle, Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();
        var (_, events) = ReplyToAssignmentEndpoint.Post(command, whistle, Lead, Users.DepartmentOfficer(Lead), Now);

        events.ShouldBeEvents(new AssignmentReplied(
            WhistleId, Lead, "彩钢房已拆除。", ["photo-after.jpg", "notice-2026-031.pdf"], Officer(Lead), Now));
    }

    [Fact]
    public void a_reply_without_evidence_records_none() =>
        ReplyToAssignmentEndpoint.Post(new ReplyToAssignment("已拆除。"), WhistleAfter(Blown(), SignedFor(Lead)), Lead,
                Users.DepartmentOfficer(Lead), Now).Item2
            .ShouldBeEvents(new AssignmentReplied(WhistleId, Lead, "已拆除。", [], Officer(Lead), Now));

    [Fact]
    public void replying_before_signing_for_is_a_conflict() =>
        Validate(Reply, Blown()).ShouldBeConflict("sign for it before replying");

    [Fact]
    public void replying_twice_is_a_conflict() =>
        Validate(Reply, Blown(), SignedFor(Lead), Replied(Lead)).ShouldBeConflict("Already replied");

    [Fact]
    public void a_returned_reply_can_be_answered_again() =>
        Validate(Reply, Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, DeadlinesFrom(Now))).ShouldBeNoProblem();

    [Fact]
    public void a_rejected_assignment_cannot_be_replied_to() =>
        Validate(Reply, Blown(), SignedFor(Lead), Rejected(Lead)).ShouldBeConflict("awaits the office's ruling");

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void the_result_is_required(string? result) =>
        Validate(Reply with { Result = result }, Blown(), SignedFor(Lead)).ShouldRejectField("result", "Required.");

    [Fact]
    public void a_result_over_2000_characters_is_a_bad_request() =>
        Validate(Reply with { Result = new string('果', 2001) }, Blown(), SignedFor(Lead)).ShouldRejectField("result", "At most 2000 characters.");

    [Fact]
    public void twenty_evidence_references_are_allowed() =>
        Validate(Reply with { Evidence = Evidence(20) }, Blown(), SignedFor(Lead)).ShouldBeNoProblem();

    [Fact]
    public void more_than_twenty_evidence_references_are_a_bad_request() =>
        Validate(Reply with { Evidence = Evidence(21) }, Blown(), SignedFor(Lead)).ShouldRejectField("evidence", "At most 20 evidence references.");

    [Fact]
    public void a_blank_evidence_reference_is_a_bad_request() =>
        Validate(Reply with { Evidence = ["photo.jpg", " "] }, Blown(), SignedFor(Lead))
            .ShouldRejectField("evidence", "Each reference must be non-empty and at most 500 characters.");

    [Fact]
    public void an_evidence_reference_over_500_characters_is_a_bad_request() =>
        Validate(Reply with { Evidence = [new string('p', 501)] }, Blown(), SignedFor(Lead))
            .ShouldRejectField("evidence", "Each reference must be non-empty and at most 500 characters.");

    [Fact]
    public void another_departments_assignment_does_not_exist_for_an_officer() =>
        ReplyToAssignmentEndpoint.Validate(Reply, WhistleAfter(Blown(), SignedFor(Lead)), Lead, Users.DepartmentOfficer(CoHandler))
            .ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_takes_no_more_replies() =>
        Validate(Reply, [.. AllReplied, Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void replying_with_a_stale_expected_version_is_a_conflict() =>
        Validate(Reply with { ExpectedVersion = 1 }, Blown(), SignedFor(Lead)).ShouldBeStaleVersion(expected: 1, current: 2);

    private static string[] Evidence(int count) => [.. Enumerable.Range(1, count).Select(i => $"photo-{i}.jpg")];
}
