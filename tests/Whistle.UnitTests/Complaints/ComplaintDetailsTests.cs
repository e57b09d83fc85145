using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;

namespace Whistle.UnitTests.Complaints;

public class ComplaintDetailsTests
{
    [Fact]
    public void an_analyst_sees_the_complainant_masked()
    {
        var details = Details(Id, Number);

        var seen = ComplaintDetailsEndpoint.Get(details, Users.User("u-analyst", "钱分析", Roles.Analyst));

        seen.Complainant.ShouldBe(new Complainant("王**", "138****5678", "***"));
        seen.Number.ShouldBe(Number);
        details.Complainant.ShouldBe(Resident);
    }

    [Fact]
    public void a_clerk_sees_the_complainant_in_full() =>
        ComplaintDetailsEndpoint.Get(Details(Id, Number), Users.Clerk).Complainant.ShouldBe(Resident);

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        ComplaintDetailsEndpoint.Validate(Id, Details(Id, Number), Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_sub_district_worker_may_read_complaints_of_their_sub_district() =>
        ComplaintDetailsEndpoint.Validate(Id, Details(Id, Number), Users.SubDistrictWorker(SubDistrictId))
            .ShouldBeNoProblem();

    [Fact]
    public void a_missing_complaint_is_not_found()
    {
        var problem = ComplaintDetailsEndpoint.Validate(Id, null, Users.Clerk);

        problem.ShouldBeNotFound();
        problem.Detail.ShouldNotBeNull().ShouldContain($"Complaint {Id} does not exist.");
    }
}
