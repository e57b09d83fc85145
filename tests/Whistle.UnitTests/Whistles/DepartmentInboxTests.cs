using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class DepartmentInboxTests
{
    private static readonly DepartmentCodes Known = new(new HashSet<string> { Lead, CoHandler });

    [Fact]
    public void a_code_the_directory_does_not_know_has_no_inbox_even_for_the_county_roles() =>
        DepartmentInboxEndpoint.Validate("office", Known, Users.User("u-county", "县级", Roles.Office)).ShouldBeNotFound();

    [Fact]
    public void an_officer_sees_their_own_departments_inbox() =>
        DepartmentInboxEndpoint.Validate(Lead, Known, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();

    [Fact]
    public void another_departments_inbox_does_not_exist_for_an_officer() =>
        DepartmentInboxEndpoint.Validate(Lead, Known, Users.DepartmentOfficer(CoHandler)).ShouldBeNotFound();

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Analyst)]
    public void the_roles_that_see_every_whistle_see_every_inbox(string role) =>
        DepartmentInboxEndpoint.Validate(Lead, Known, Users.User("u-county", "县级", role)).ShouldBeNoProblem();

    [Fact]
    public void a_community_worker_sees_no_department_inbox() =>
        DepartmentInboxEndpoint.Validate(
                Lead, Known, Users.CommunityWorker(Complaints.ComplaintHistory.CommunityId, Complaints.ComplaintHistory.SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_sub_district_officer_sees_no_department_inbox() =>
        DepartmentInboxEndpoint.Validate(Lead, Known, Users.SubDistrictWorker(Complaints.ComplaintHistory.SubDistrictId)).ShouldBeNotFound();

    [Fact]
    public void a_mediator_sees_no_department_inbox() =>
        DepartmentInboxEndpoint.Validate(Lead, Known, Users.User("u-mediator", "吴调解", Roles.Mediator)).ShouldBeNotFound();
}
