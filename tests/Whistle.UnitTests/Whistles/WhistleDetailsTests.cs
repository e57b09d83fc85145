using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

/// <summary>Who may read a whistle: its area, the county-wide roles, and the departments it was ever assigned to.</summary>
public class WhistleDetailsTests
{
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(System.Security.Claims.ClaimsPrincipal user, params object[] history) =>
        WhistleDetailsEndpoint.Validate(WhistleId, DetailsAfter(history.Length == 0 ? [Blown()] : history), user);

    [Fact]
    public void a_worker_of_the_whistles_community_sees_it() =>
        Validate(Users.CommunityWorker(CommunityId, SubDistrictId)).ShouldBeNoProblem();

    [Fact]
    public void a_worker_of_another_community_does_not() =>
        Validate(Users.CommunityWorker(NeighbourCommunityId, SubDistrictId)).ShouldBeNotFound();

    [Fact]
    public void the_sub_district_officer_of_the_whistles_area_sees_it() =>
        Validate(Users.SubDistrictWorker(SubDistrictId)).ShouldBeNoProblem();

    [Fact]
    public void an_officer_of_another_sub_district_does_not() =>
        Validate(Users.SubDistrictWorker(OtherSubDistrictId)).ShouldBeNotFound();

    [Fact]
    public void an_officer_of_an_assigned_department_sees_it() =>
        Validate(Users.DepartmentOfficer(CoHandler)).ShouldBeNoProblem();

    [Fact]
    public void an_officer_of_a_department_not_on_the_whistle_does_not() =>
        Validate(Users.DepartmentOfficer(Other)).ShouldBeNotFound();

    [Fact]
    public void the_department_it_was_reassigned_to_sees_it() =>
        Validate(Users.DepartmentOfficer(Other), Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddDays(1))))
            .ShouldBeNoProblem();

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    public void the_county_wide_roles_see_every_whistle(string role) =>
        Validate(Users.User("u-county", "县级", role)).ShouldBeNoProblem();

    [Fact]
    public void a_mediator_does_not() =>
        Validate(Users.User("u-mediator", "吴调解", Roles.Mediator)).ShouldBeNotFound();

    [Fact]
    public void the_details_remember_every_department_ever_assigned() =>
        DetailsAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddDays(1)))).Departments
            .ShouldBe([Lead, CoHandler, Other]);

    [Fact]
    public void an_unknown_whistle_is_not_found() =>
        WhistleDetailsEndpoint.Validate(OtherWhistleId, null, Users.Office).ShouldBeNotFound();
}
