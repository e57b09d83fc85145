using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class DepartmentInboxTests
{
    [Fact]
    public void an_officer_sees_their_own_departments_inbox() =>
        DepartmentInboxEndpoint.Validate(Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();

    [Fact]
    public void another_departments_inbox_does_not_exist_for_an_officer() =>
        DepartmentInboxEndpoint.Validate(Lead, Users.DepartmentOfficer(CoHandler)).ShouldBeNotFound();

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Analyst)]
    public void the_roles_that_see_every_whistle_see_every_inbox(string role) =>
        DepartmentInboxEndpoint.Validate(Lead, Users.User("u-county", "县级", role)).ShouldBeNoProblem();

    [Fact]
    public void a_community_worker_sees_no_department_inbox() =>
        DepartmentInboxEndpoint.Validate(
                Lead, Users.CommunityWorker(Complaints.ComplaintHistory.CommunityId, Complaints.ComplaintHistory.SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_sub_district_officer_sees_no_department_inbox() =>
        DepartmentInboxEndpoint.Validate(Lead, Users.SubDistrictWorker(Complaints.ComplaintHistory.SubDistrictId)).ShouldBeNotFound();

    [Fact]
    public void a_mediator_sees_no_department_inbox() =>
        DepartmentInboxEndpoint.Validate(Lead, Users.User("u-mediator", "吴调解", Roles.Mediator)).ShouldBeNotFound();
}
