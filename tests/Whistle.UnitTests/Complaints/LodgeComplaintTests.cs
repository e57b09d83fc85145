using Shouldly;
using Whistle.County.Catalogue;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class LodgeComplaintTests
{
    private static readonly Compound DongguanGarden = new()
    {
        Id = DirectoryIds.Compound(CompoundId), Code = CompoundId,
        Info = new CompoundInfo("东关花园", CommunityId, SubDistrictId, "人民路 1 号", 300, CompoundStage.Delivered, null,
            new OwnersCommittee(false, null, null, null)),
    };

    private static readonly CatalogueEntry IllegalConstruction =
        new("illegal-construction", "违章搭建", "Illegal construction", "chengguan", [], WhistleType.Tough);

    private static LodgeComplaint Complete() => new(
        ComplaintChannel.Hotline, "illegal-construction", CompoundId,
        new ComplainantInput(" 王小明 ", " 138 1234 5678 ", " 东关花园 3 栋 "), "  楼顶有人违章搭建彩钢房。 ");

    [Fact]
    public void lodging_starts_a_complaint_stream_with_the_trimmed_complaint()
    {
        var (created, stream, _) = LodgeComplaintEndpoint.Lodge(Complete(), DongguanGarden, TimeLimits, Id, Number, Users.ClerkActor, Now);

        created.ShouldBe(new LodgedComplaint(Id, Number));
        created.Url.ShouldBe($"/api/complaints/{Id}");
        stream.StreamId.ShouldBe(Id);
        stream.AggregateType.ShouldBe(typeof(Complaint));
        stream.Events.ShouldHaveSingleItem().ShouldBe(new ComplaintLodged(
            Id, Number, ComplaintChannel.Hotline, "illegal-construction", CompoundId, CommunityId, SubDistrictId,
            new Complainant("王小明", "138 1234 5678", "东关花园 3 栋"), "楼顶有人违章搭建彩钢房。",
            Users.ClerkActor, Now, ComplaintUrgency.Ordinary, Due(ComplaintStep.Accept, "2026-11-28T09:30", "2026-11-28T03:30")));
    }

    [Fact]
    public void a_complaint_names_the_company_serving_the_compound_and_its_resolution_and_rating_carry_it()
    {
        var served = DongguanGarden with { Info = DongguanGarden.Info with { PropertyCompanyCode = "PC07" } };
        var (_, stream, _) = LodgeComplaintEndpoint.Lodge(Complete(), served, TimeLimits, Id, Number, Users.ClerkActor, Now);
        var lodged = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<ComplaintLodged>();
        lodged.PropertyCompanyCode.ShouldBe("PC07");

        var accepted = Given<Complaint>(lodged, new ComplaintAccepted(Id, Users.ClerkActor, Now));
        var (_, resolution, _) = ResolveComplaintEndpoint.Resolve(new ResolveComplaint("已拆除。"), accepted, TimeLimits, Users.ClerkActor, Now);
        var resolved = resolution.ShouldHaveSingleItem().ShouldBeOfType<ComplaintResolved>();
        resolved.PropertyCompanyCode.ShouldBe("PC07");

        var (_, rating) = RecordFollowUpEndpoint.Post(new RecordFollowUp(Satisfaction.Satisfied, null),
            Given<Complaint>(lodged, new ComplaintAccepted(Id, Users.ClerkActor, Now), resolved), Users.Clerk, Now);
        rating.ShouldHaveSingleItem().ShouldBeOfType<ComplaintFollowUpRecorded>().PropertyCompanyCode.ShouldBe("PC07");
    }

    [Fact]
    public void lodging_schedules_the_reminder_and_the_deadline_of_the_24_hours_to_accept()
    {
        var (_, _, messages) = LodgeComplaintEndpoint.Lodge(Complete(), DongguanGarden, TimeLimits, Id, Number, Users.ClerkActor, Now);

        messages.Timers().ShouldBe(TimersOf(Id, Due(ComplaintStep.Accept, "2026-11-28T09:30", "2026-11-28T03:30")));
    }

    [Fact]
    public void an_emergency_is_to_be_accepted_within_an_hour_on_the_clock()
    {
        var (_, stream, messages) = LodgeComplaintEndpoint.Lodge(
            Complete() with { Urgency = ComplaintUrgency.Emergency }, DongguanGarden, TimeLimits, Id, Number, Users.ClerkActor, Now);

        var lodged = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<ComplaintLodged>();
        lodged.Urgency.ShouldBe(ComplaintUrgency.Emergency);
        lodged.Due.ShouldBe(Due(ComplaintStep.Accept, "2026-11-27T10:30", "2026-11-27T10:15"));
        messages.Timers().ShouldBe(TimersOf(Id, lodged.Due!));
    }

    [Fact]
    public void the_lodged_complaint_keeps_its_urgency_and_waits_for_acceptance_by_the_due_time()
    {
        var (_, stream, _) = LodgeComplaintEndpoint.Lodge(
            Complete() with { Urgency = ComplaintUrgency.Complex }, DongguanGarden, TimeLimits, Id, Number, Users.ClerkActor, Now);

        var complaint = Given<Complaint>([.. stream.Events]);

        complaint.Urgency.ShouldBe(ComplaintUrgency.Complex);
        complaint.Due.ShouldBe(Due(ComplaintStep.Accept, "2026-11-28T09:30", "2026-11-28T03:30"));
    }

    [Fact]
    public void a_complaint_lodged_before_urgency_existed_is_ordinary_and_has_no_step_timed()
    {
        var complaint = Given<Complaint>(Lodged());

        complaint.Urgency.ShouldBe(ComplaintUrgency.Ordinary);
        complaint.Due.ShouldBeNull();
    }

    [Fact]
    public void an_urgency_that_is_not_one_of_the_three_is_rejected() =>
        LodgeComplaintEndpoint.Validate(Complete() with { Urgency = (ComplaintUrgency)9 }, DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldRejectField("urgency", "Emergency, Ordinary or Complex.");

    [Fact]
    public void the_lodged_complaint_waits_to_be_accepted_in_its_compounds_community()
    {
        var (_, stream, _) = LodgeComplaintEndpoint.Lodge(Complete(), DongguanGarden, TimeLimits, Id, Number, Users.ClerkActor, Now);

        var complaint = Given<Complaint>([.. stream.Events]);

        complaint.Status.ShouldBe(ComplaintStatus.Lodged);
        complaint.CommunityId.ShouldBe(CommunityId);
        complaint.SubDistrictId.ShouldBe(SubDistrictId);
        complaint.Version.ShouldBe(1);
    }

    [Fact]
    public void a_complaint_lodged_without_an_address_keeps_none()
    {
        var command = Complete() with { Complainant = new ComplainantInput("王小明", "13812345678", null) };

        var (_, stream, _) = LodgeComplaintEndpoint.Lodge(command, DongguanGarden, TimeLimits, Id, Number, Users.ClerkActor, Now);

        stream.Events.ShouldHaveSingleItem().ShouldBeOfType<ComplaintLodged>()
            .Complainant.ShouldBe(new Complainant("王小明", "13812345678", null));
    }

    [Fact]
    public void a_complete_complaint_passes_validation() =>
        LodgeComplaintEndpoint.Validate(Complete(), DongguanGarden, IllegalConstruction, Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        LodgeComplaintEndpoint.Validate(new LodgeComplaint(null, null, null, null, null), null, null, Users.Clerk)
            .ShouldRejectFields("channel", "categoryId", "compoundId", "complainant", "description");

    [Fact]
    public void a_complainant_needs_a_name_and_a_phone() =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Complainant = new ComplainantInput(" ", null, null) },
                DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldRejectFields("complainant.name", "complainant.phone");

    [Fact]
    public void a_description_over_2000_characters_is_a_bad_request() =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Description = new string('诉', 2001) }, DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldRejectFields("description");

    [Fact]
    public void a_description_of_exactly_2000_characters_is_accepted() =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Description = new string('诉', 2000) }, DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldBeNoProblem();

    [Theory]
    [InlineData("138abc45678")]
    [InlineData("138-1234-5678 转 8")]
    [InlineData("１３８１２３４５６７８")]
    public void a_phone_with_anything_but_digits_spaces_plus_and_dash_is_a_bad_request(string phone) =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Complainant = new ComplainantInput("王小明", phone, null) },
                DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldRejectFields("complainant.phone");

    [Theory]
    [InlineData("+86 138-1234-5678")]
    [InlineData("0571-8812345")]
    public void a_phone_with_country_code_spaces_and_dashes_is_accepted(string phone) =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Complainant = new ComplainantInput("王小明", phone, null) },
                DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void an_address_over_200_characters_is_a_bad_request() =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Complainant = new ComplainantInput("王小明", "13812345678", new string('址', 201)) },
                DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldRejectFields("complainant.address");

    [Fact]
    public void an_undefined_channel_is_a_bad_request() =>
        LodgeComplaintEndpoint.Validate(
                Complete() with { Channel = (ComplaintChannel)99 }, DongguanGarden, IllegalConstruction, Users.Clerk)
            .ShouldRejectFields("channel");

    [Fact]
    public void a_compound_the_county_does_not_have_is_a_bad_request() =>
        LodgeComplaintEndpoint.Validate(Complete() with { CompoundId = "CP999999" }, null, IllegalConstruction, Users.Clerk)
            .ShouldRejectField("compoundId", "No such compound in this county.");

    [Fact]
    public void an_unknown_category_is_a_bad_request() =>
        LodgeComplaintEndpoint.Validate(Complete() with { CategoryId = "noise" }, DongguanGarden, null, Users.Clerk)
            .ShouldRejectField("categoryId", "No such complaint category.");

    [Fact]
    public void a_community_worker_may_lodge_for_a_compound_of_their_community() =>
        LodgeComplaintEndpoint.Validate(
                Complete(), DongguanGarden, IllegalConstruction, Users.CommunityWorker(CommunityId, SubDistrictId))
            .ShouldBeNoProblem();

    [Fact]
    public void a_community_worker_lodging_for_a_compound_of_another_community_is_forbidden()
    {
        var problem = LodgeComplaintEndpoint.Validate(
            Complete(), DongguanGarden, IllegalConstruction, Users.CommunityWorker(NeighbourCommunityId, SubDistrictId));

        problem.Status.ShouldBe(403);
        problem.Detail.ShouldNotBeNull().ShouldContain("The compound is outside your area; you cannot lodge complaints for it.");
    }
}
