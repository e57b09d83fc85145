using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Kernel;

/// <summary>The one table of who sees which case, and the answers built on it.</summary>
public class ScopeTests
{
    private static readonly CaseArea Own = new("CM0101", "SD01", ["chengguan", "gongan"]);
    private static readonly CaseArea OtherCommunity = new("CM0102", "SD01", ["zhujian"]);
    private static readonly CaseArea OtherSubDistrict = new("CM0201", "SD02", ["zhujian"]);

    private static Scope As(string role) => new("u-" + role, role, "CM0101", "SD01", role == Roles.Department ? "chengguan" : null);

    public static TheoryData<string, CaseKind, Reach> Table => new()
    {
        { Roles.Clerk, CaseKind.Complaint, Reach.County }, { Roles.Clerk, CaseKind.Whistle, Reach.County },
        { Roles.Clerk, CaseKind.FeeDispute, Reach.County }, { Roles.Clerk, CaseKind.Mediation, Reach.County },
        { Roles.Community, CaseKind.Complaint, Reach.Community }, { Roles.Community, CaseKind.Whistle, Reach.Community },
        { Roles.Community, CaseKind.FeeDispute, Reach.Community }, { Roles.Community, CaseKind.Mediation, Reach.Nothing },
        { Roles.SubDistrict, CaseKind.Complaint, Reach.SubDistrict }, { Roles.SubDistrict, CaseKind.Whistle, Reach.SubDistrict },
        { Roles.SubDistrict, CaseKind.FeeDispute, Reach.SubDistrict }, { Roles.SubDistrict, CaseKind.Mediation, Reach.Nothing },
        { Roles.Department, CaseKind.Complaint, Reach.Nothing }, { Roles.Department, CaseKind.Whistle, Reach.Department },
        { Roles.Department, CaseKind.FeeDispute, Reach.Nothing }, { Roles.Department, CaseKind.Mediation, Reach.Nothing },
        { Roles.Office, CaseKind.Complaint, Reach.County }, { Roles.Office, CaseKind.Whistle, Reach.County },
        { Roles.Office, CaseKind.FeeDispute, Reach.County }, { Roles.Office, CaseKind.Mediation, Reach.County },
        { Roles.Mediator, CaseKind.Complaint, Reach.County }, { Roles.Mediator, CaseKind.Whistle, Reach.Nothing },
        { Roles.Mediator, CaseKind.FeeDispute, Reach.County }, { Roles.Mediator, CaseKind.Mediation, Reach.County },
        { Roles.Analyst, CaseKind.Complaint, Reach.County }, { Roles.Analyst, CaseKind.Whistle, Reach.County },
        { Roles.Analyst, CaseKind.FeeDispute, Reach.County }, { Roles.Analyst, CaseKind.Mediation, Reach.County },
        { Roles.Admin, CaseKind.Complaint, Reach.County }, { Roles.Admin, CaseKind.Whistle, Reach.County },
        { Roles.Admin, CaseKind.FeeDispute, Reach.County }, { Roles.Admin, CaseKind.Mediation, Reach.County },
        { Roles.Supervisor, CaseKind.Complaint, Reach.County }, { Roles.Supervisor, CaseKind.Whistle, Reach.County },
        { Roles.Supervisor, CaseKind.FeeDispute, Reach.Nothing }, { Roles.Supervisor, CaseKind.Mediation, Reach.Nothing },
    };

    [Fact]
    public void the_table_has_a_row_for_every_known_role_and_every_kind_of_case() =>
        Table.Select(row => (row.Data.Item1, row.Data.Item2)).Order().ShouldBe(
            Roles.All.SelectMany(role => Enum.GetValues<CaseKind>().Select(kind => (role, kind))).Order());

    [Theory]
    [MemberData(nameof(Table))]
    public void each_role_reaches_each_kind_as_the_table_says(string role, CaseKind kind, Reach reach) =>
        Scope.ReachOf(role, kind).ShouldBe(reach);

    [Theory]
    [MemberData(nameof(Table))]
    public void a_role_sees_its_own_area_or_department_and_nothing_beyond_its_reach(string role, CaseKind kind, Reach reach)
    {
        var scope = As(role);
        scope.Sees(kind, Own).ShouldBe(reach != Reach.Nothing);
        scope.Sees(kind, OtherCommunity).ShouldBe(reach is Reach.SubDistrict or Reach.County);
        scope.Sees(kind, OtherSubDistrict).ShouldBe(reach == Reach.County);
        scope.SeesAny(kind).ShouldBe(reach != Reach.Nothing);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void the_role_lists_of_the_endpoints_agree_with_the_table(string role, CaseKind kind, Reach reach)
    {
        var readers = kind switch
        {
            CaseKind.Complaint => Scope.ComplaintReaders,
            CaseKind.FeeDispute => Scope.FeeDisputeReaders,
            CaseKind.Mediation => Scope.MediationReaders,
            _ => Scope.WhistleReaders,
        };
        readers.Split(',').Contains(role).ShouldBe(reach != Reach.Nothing);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void only_handlers_within_sight_may_handle(string role, CaseKind kind, Reach reach)
    {
        var handlers = kind switch
        {
            CaseKind.Complaint => Scope.ComplaintHandlers,
            CaseKind.FeeDispute => Scope.FeeDisputeHandlers,
            CaseKind.Mediation => Scope.MediationHandlers,
            _ => Scope.Whistlers,
        };
        var scope = As(role);
        scope.MayHandle(kind, Own).ShouldBe(handlers.Split(',').Contains(role) && reach != Reach.Nothing);
        scope.MayHandle(kind, OtherSubDistrict).ShouldBe(handlers.Split(',').Contains(role) && reach == Reach.County);
    }

    [Fact]
    public void a_department_officer_sees_the_whistles_of_their_department_only()
    {
        var officer = As(Roles.Department);
        officer.Sees(CaseKind.Whistle, Own).ShouldBeTrue();
        officer.Sees(CaseKind.Whistle, OtherCommunity).ShouldBeFalse();
        officer.SeesDepartment("chengguan").ShouldBeTrue();
        officer.SeesDepartment("gongan").ShouldBeFalse();
        officer.IsOfficerOf("chengguan").ShouldBeTrue();
        As(Roles.Office).IsOfficerOf("chengguan").ShouldBeFalse();
    }

    [Fact]
    public void every_role_that_sees_all_whistles_sees_every_inbox_the_clerk_included()
    {
        foreach (var role in new[] { Roles.Clerk, Roles.Office, Roles.Analyst, Roles.Admin, Roles.Supervisor })
            As(role).SeesDepartment("zhujian").ShouldBeTrue(role);
        foreach (var role in new[] { Roles.Community, Roles.SubDistrict, Roles.Mediator })
            As(role).SeesDepartment("zhujian").ShouldBeFalse(role);
    }

    [Fact]
    public void the_county_supervisor_reads_every_complaint_and_whistle_and_handles_none()
    {
        var supervisor = As(Roles.Supervisor);
        supervisor.Sees(CaseKind.Whistle, OtherSubDistrict).ShouldBeTrue();
        supervisor.Sees(CaseKind.Complaint, OtherSubDistrict).ShouldBeTrue();
        supervisor.Sees(CaseKind.FeeDispute, Own).ShouldBeFalse();
        foreach (var kind in Enum.GetValues<CaseKind>()) supervisor.MayHandle(kind, Own).ShouldBeFalse(kind.ToString());
        supervisor.IsOfficerOf("chengguan").ShouldBeFalse();
    }

    [Fact]
    public void a_worker_without_an_area_claim_sees_nothing_of_an_area()
    {
        var stray = new Scope("u-x", Roles.Community, null, null, null);
        stray.Sees(CaseKind.Complaint, Own).ShouldBeFalse();
        stray.Sees(CaseKind.Complaint, new CaseArea(null, null)).ShouldBeFalse();
    }

    [Fact]
    public void every_role_but_analysts_may_unmask_personal_data_and_read_staff_contacts()
    {
        foreach (var role in Roles.All)
        {
            As(role).MaySeePersonalData.ShouldBe(role != Roles.Analyst, role);
            As(role).SeesStaffContacts.ShouldBe(role != Roles.Analyst, role);
        }
    }

    [Fact]
    public void the_scope_is_read_from_the_token_claims() =>
        Scope.Of(Users.CommunityWorker("CM0101", "SD01")).ShouldBe(new Scope("u-community", Roles.Community, "CM0101", "SD01", null));
}
