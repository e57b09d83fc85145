using Shouldly;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class SignForAssignmentTests
{
    private static readonly SignForAssignment SignFor = new();

    [Fact]
    public void a_department_signs_for_its_assignment()
    {
        var whistle = WhistleAfter(Blown());

        SignForAssignmentEndpoint.Validate(SignFor, whistle, Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();
        var (_, events) = SignForAssignmentEndpoint.Post(SignFor, whistle, Lead, Users.DepartmentOfficer(Lead), Now);

        events.ShouldBeEvents(new AssignmentSignedFor(WhistleId, Lead, Officer(Lead), Now));
    }

    [Fact]
    public void signing_for_again_appends_nothing()
    {
        var whistle = WhistleAfter(Blown(), SignedFor(Lead));

        SignForAssignmentEndpoint.Validate(SignFor, whistle, Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();
        SignForAssignmentEndpoint.Post(SignFor, whistle, Lead, Users.DepartmentOfficer(Lead), Now).Item2.ShouldBeEmpty();
    }

    [Fact]
    public void signing_for_after_replying_appends_nothing()
    {
        var whistle = WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead));

        SignForAssignmentEndpoint.Validate(SignFor, whistle, Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();
        SignForAssignmentEndpoint.Post(SignFor, whistle, Lead, Users.DepartmentOfficer(Lead), Now).Item2.ShouldBeEmpty();
    }

    [Fact]
    public void another_departments_assignment_does_not_exist_for_an_officer() =>
        SignForAssignmentEndpoint.Validate(SignFor, WhistleAfter(Blown()), Lead, Users.DepartmentOfficer(CoHandler)).ShouldBeNotFound();

    [Fact]
    public void a_department_not_on_the_whistle_has_no_assignment_to_sign_for() =>
        SignForAssignmentEndpoint.Validate(SignFor, WhistleAfter(Blown()), Other, Users.DepartmentOfficer(Other)).ShouldBeNotFound();

    [Fact]
    public void a_community_worker_cannot_sign_for_a_department() =>
        SignForAssignmentEndpoint.Validate(
                SignFor, WhistleAfter(Blown()), Lead, Users.CommunityWorker(Complaints.ComplaintHistory.CommunityId, Complaints.ComplaintHistory.SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void the_office_cannot_sign_for_a_department() =>
        SignForAssignmentEndpoint.Validate(SignFor, WhistleAfter(Blown()), Lead, Users.Office).ShouldBeNotFound();

    [Fact]
    public void a_rejected_assignment_cannot_be_signed_for() =>
        SignForAssignmentEndpoint.Validate(SignFor, WhistleAfter(Blown(), Rejected(Lead)), Lead, Users.DepartmentOfficer(Lead))
            .ShouldBeConflict("The assignment was rejected and awaits the office's ruling.");

    [Fact]
    public void an_assignment_reassigned_away_no_longer_exists_for_its_department() =>
        SignForAssignmentEndpoint.Validate(
                SignFor, WhistleAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(Now))), Lead, Users.DepartmentOfficer(Lead))
            .ShouldBeNotFound();

    [Fact]
    public void the_department_it_was_reassigned_to_signs_for_it()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(Now)));

        SignForAssignmentEndpoint.Validate(SignFor, whistle, Other, Users.DepartmentOfficer(Other)).ShouldBeNoProblem();
        SignForAssignmentEndpoint.Post(SignFor, whistle, Other, Users.DepartmentOfficer(Other), Now).Item2
            .ShouldBeEvents(new AssignmentSignedFor(WhistleId, Other, Officer(Other), Now));
    }

    [Fact]
    public void a_concluded_whistle_cannot_be_signed_for() =>
        SignForAssignmentEndpoint.Validate(SignFor, WhistleAfter([.. AllReplied, Concluded()]), Lead, Users.DepartmentOfficer(Lead))
            .ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void signing_for_with_a_stale_expected_version_is_a_conflict() =>
        SignForAssignmentEndpoint.Validate(new SignForAssignment(ExpectedVersion: 1), WhistleAfter(Blown(), SignedFor(CoHandler)), Lead,
                Users.DepartmentOfficer(Lead))
            .ShouldBeStaleVersion(expected: 1, current: 2);
}
