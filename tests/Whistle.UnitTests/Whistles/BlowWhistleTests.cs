using Shouldly;
using Whistle.County.Catalogue;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.UnitTests.Whistles;

public class BlowWhistleTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static Complaint AcceptedComplaint => ComplaintThatIs(ComplaintStatus.Accepted);

    private static readonly BlowWhistle ByTheCatalogue = new(Need);

    private static ComplaintWhistled Whistled(Guid whistleId) =>
        new(Id, whistleId, WhistleType.Routine, [Lead, CoHandler], Users.CommunityWorkerActor, LodgedAt.AddHours(2));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(
        BlowWhistle command, Complaint? complaint = null, WhistleRouting? routing = null,
        System.Security.Claims.ClaimsPrincipal? user = null) =>
        BlowWhistleEndpoint.Validate(command, complaint ?? AcceptedComplaint, routing ?? Routing,
            user ?? Users.CommunityWorker(CommunityId, SubDistrictId));

    [Fact]
    public void a_community_worker_blows_the_whistle_on_an_accepted_complaint_of_their_community() =>
        Validate(ByTheCatalogue).ShouldBeNoProblem();

    [Fact]
    public void the_sub_district_officer_of_the_complaints_sub_district_may_blow_the_whistle() =>
        Validate(ByTheCatalogue, user: Users.SubDistrictWorker(SubDistrictId)).ShouldBeNoProblem();

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        Validate(ByTheCatalogue, user: Users.CommunityWorker(NeighbourCommunityId, SubDistrictId)).ShouldBeNotFound();

    [Fact]
    public void a_complaint_of_another_sub_district_does_not_exist_for_a_sub_district_officer() =>
        Validate(ByTheCatalogue, user: Users.SubDistrictWorker(OtherSubDistrictId)).ShouldBeNotFound();

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void only_an_accepted_complaint_can_be_whistled_on(ComplaintStatus status) =>
        Validate(ByTheCatalogue, ComplaintThatIs(status))
            .ShouldBeConflict($"Complaint {Number} is {status}; it cannot be whistled on.");

    [Fact]
    public void a_second_whistle_while_one_is_open_is_a_conflict() =>
        Validate(ByTheCatalogue, EventSpecification.Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)))
            .ShouldBeConflict($"A whistle ({WhistleId}) is still open on this complaint.");

    [Fact]
    public void another_whistle_may_be_blown_once_the_first_has_concluded() =>
        Validate(ByTheCatalogue, EventSpecification.Given<Complaint>(
                Lodged(), Accepted(), Whistled(WhistleId),
                new ComplaintWhistleConcluded(Id, WhistleId, Users.CommunityWorkerActor, LodgedAt.AddDays(2))))
            .ShouldBeNoProblem();

    [Fact]
    public void blowing_with_a_stale_expected_version_is_a_conflict() =>
        Validate(ByTheCatalogue with { ExpectedVersion = 1 }).ShouldBeStaleVersion(expected: 1, current: 2);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void the_need_is_required(string? need) =>
        Validate(new BlowWhistle(need)).ShouldRejectField("need", "Required.");

    [Fact]
    public void a_need_over_1000_characters_is_a_bad_request() =>
        Validate(new BlowWhistle(new string('需', 1001))).ShouldRejectField("need", "At most 1000 characters.");

    [Fact]
    public void an_undefined_whistle_type_is_a_bad_request() =>
        Validate(ByTheCatalogue with { Type = (WhistleType)9 }).ShouldRejectFields("type");

    [Fact]
    public void an_unknown_lead_department_is_a_bad_request() =>
        Validate(ByTheCatalogue with { Lead = "xiaofang", DepartureReason = "消防通道被占。" })
            .ShouldRejectField("lead", "No department xiaofang.");

    [Fact]
    public void an_unknown_co_handling_department_is_a_bad_request() =>
        Validate(ByTheCatalogue with { CoHandling = [CoHandler, "xiaofang"], DepartureReason = "需消防配合。" })
            .ShouldRejectField("coHandling", "No department xiaofang.");

    [Fact]
    public void the_lead_cannot_also_co_handle() =>
        Validate(ByTheCatalogue with { CoHandling = [CoHandler, Lead], DepartureReason = "城管兼顾。" })
            .ShouldRejectField("coHandling", "The lead cannot also co-handle.");

    [Fact]
    public void a_co_handling_department_named_twice_is_a_bad_request() =>
        Validate(ByTheCatalogue with { CoHandling = [CoHandler, CoHandler], DepartureReason = "重复。" })
            .ShouldRejectField("coHandling", "A department appears twice.");

    [Fact]
    public void naming_the_catalogues_own_departments_needs_no_reason() =>
        Validate(ByTheCatalogue with { Lead = Lead, CoHandling = [CoHandler] }).ShouldBeNoProblem();

    [Fact]
    public void another_lead_than_the_catalogues_needs_a_departure_reason() =>
        Validate(ByTheCatalogue with { Lead = Other })
            .ShouldRejectField("departureReason", "The departments differ from the catalogue's: give the reason.");

    [Fact]
    public void other_co_handling_departments_than_the_catalogues_need_a_departure_reason() =>
        Validate(ByTheCatalogue with { CoHandling = [] })
            .ShouldRejectField("departureReason", "The departments differ from the catalogue's: give the reason.");

    [Fact]
    public void departing_from_the_catalogue_with_a_reason_is_allowed() =>
        Validate(ByTheCatalogue with { Lead = Other, CoHandling = [CoHandler, Spare], DepartureReason = "涉及物业维修资金。" })
            .ShouldBeNoProblem();

    [Fact]
    public void a_category_absent_from_the_catalogue_needs_an_explicit_lead() =>
        Validate(ByTheCatalogue, routing: Routing with { Catalogue = CatalogueOf("noise") })
            .ShouldRejectField("lead", "The category is not in the catalogue: name the lead department.");

    [Fact]
    public void without_a_published_catalogue_the_lead_must_be_named() =>
        Validate(ByTheCatalogue, routing: Routing with { Catalogue = null })
            .ShouldRejectField("lead", "The category is not in the catalogue: name the lead department.");

    [Fact]
    public void a_category_absent_from_the_catalogue_is_routed_to_the_named_lead_without_a_reason() =>
        Validate(ByTheCatalogue with { Lead = Other }, routing: Routing with { Catalogue = CatalogueOf("noise") })
            .ShouldBeNoProblem();

    [Fact]
    public void blowing_by_the_catalogue_whistles_the_complaint_and_starts_the_whistle_stream()
    {
        var (response, events, stream, _) = BlowWhistleEndpoint.Blow(
            new BlowWhistle($"  {Need} "), AcceptedComplaint, Routing, WhistleId, WhistleLevel.Community, Whistler, Now);

        response.WhistleId.ShouldBe(WhistleId);
        response.Url.ShouldBe($"/api/whistles/{WhistleId}");
        events.ShouldBeEvents(new ComplaintWhistled(Id, WhistleId, WhistleType.Routine, [Lead, CoHandler], Whistler, Now));
        stream.StreamId.ShouldBe(WhistleId);
        stream.AggregateType.ShouldBe(typeof(WhistleModel));
        var due = WhistleDeadlines.Compute(WhistleType.Routine, Now, DeadlinePolicy.Default, OfficialCalendar);
        // Blown Monday 10:00: each department may reject it until Tuesday's office close (one working day).
        var rejectBy = new DateTimeOffset(2026, 3, 3, 17, 0, 0, China);
        stream.Events.ShouldBeEvents(new WhistleBlown(
            WhistleId, Id, Number, Category, WhistleType.Routine, WhistleLevel.Community, CommunityId, SubDistrictId, Need,
            [new AssignmentTerms(Lead, AssignmentRole.Lead, due, rejectBy), new AssignmentTerms(CoHandler, AssignmentRole.CoHandling, due, rejectBy)],
            CatalogueVersion: 4, DepartureReason: null, Whistler, Now, Told: [Audience.Officers(Lead), Audience.Officers(CoHandler)]));
    }

    [Fact]
    public void every_department_gets_a_reminder_and_a_deadline_to_sign_for_and_to_reply()
    {
        var (_, _, _, messages) = BlowWhistleEndpoint.Blow(
            ByTheCatalogue, AcceptedComplaint, Routing, WhistleId, WhistleLevel.Community, Whistler, Now);

        var due = DeadlinesFrom(Now);
        messages.ShouldSchedule(
            [.. Scheduled.SignFor(Lead, due), .. Scheduled.Reply(Lead, due), .. Scheduled.SignFor(CoHandler, due), .. Scheduled.Reply(CoHandler, due)]);
    }

    [Fact]
    public void a_routine_whistle_blown_on_monday_morning_is_signed_for_by_tuesday_and_answered_seven_working_days_on()
    {
        var (_, _, _, messages) = BlowWhistleEndpoint.Blow(
            ByTheCatalogue, AcceptedComplaint, Routing, WhistleId, WhistleLevel.Community, Whistler, Now);

        var lead = messages.Unwrapped().Where(m => m.Message is WhistleReminderDue { Department: Lead } or WhistleDeadlineReached { Department: Lead }).ToList();
        lead.ShouldBe(
        [
            new Scheduled(new WhistleReminderDue(WhistleId, Lead, DeadlineKind.SignFor, new(2026, 3, 3, 10, 0, 0, China)), new DateTimeOffset(2026, 3, 3, 4, 0, 0, China)),
            new Scheduled(new WhistleDeadlineReached(WhistleId, Lead, DeadlineKind.SignFor, new(2026, 3, 3, 10, 0, 0, China)), new DateTimeOffset(2026, 3, 3, 10, 0, 0, China)),
            // 3-3 … 3-6 and 3-9 … 3-11 are the seven working days; 75% of the 223 hours to 3-11 17:00 is 167 h 15 min.
            new Scheduled(new WhistleReminderDue(WhistleId, Lead, DeadlineKind.Reply, new(2026, 3, 11, 17, 0, 0, China)), new DateTimeOffset(2026, 3, 9, 9, 15, 0, China)),
            new Scheduled(new WhistleDeadlineReached(WhistleId, Lead, DeadlineKind.Reply, new(2026, 3, 11, 17, 0, 0, China)), new DateTimeOffset(2026, 3, 11, 17, 0, 0, China)),
        ], ignoreOrder: true);
    }

    [Fact]
    public void the_whistler_may_choose_the_type_and_departments_with_a_reason()
    {
        var command = new BlowWhistle(Need, WhistleType.Emergency, Other, [], " 楼体结构受损，需住建鉴定。 ");

        Validate(command).ShouldBeNoProblem();
        var (_, events, stream, messages) = BlowWhistleEndpoint.Blow(
            command, AcceptedComplaint, Routing, WhistleId, WhistleLevel.Community, Whistler, Now);

        var due = DeadlinesFrom(Now, WhistleType.Emergency);
        due.SignForDue.ShouldBe(new DateTimeOffset(2026, 3, 2, 10, 30, 0, China));
        events.ShouldBeEvents(new ComplaintWhistled(Id, WhistleId, WhistleType.Emergency, [Other], Whistler, Now));
        stream.Events.ShouldBeEvents(new WhistleBlown(
            WhistleId, Id, Number, Category, WhistleType.Emergency, WhistleLevel.Community, CommunityId, SubDistrictId, Need,
            [new AssignmentTerms(Other, AssignmentRole.Lead, due, new DateTimeOffset(2026, 3, 2, 11, 0, 0, China))], 4, "楼体结构受损，需住建鉴定。",
            Whistler, Now, [Audience.Officers(Other)]));
        messages.ShouldSchedule([.. Scheduled.SignFor(Other, due), .. Scheduled.Reply(Other, due)]);
    }

    [Fact]
    public void without_a_catalogue_the_whistle_is_routine_and_records_catalogue_version_zero()
    {
        var command = ByTheCatalogue with { Lead = Other };

        var (_, _, stream, _) = BlowWhistleEndpoint.Blow(
            command, AcceptedComplaint, Routing with { Catalogue = null }, WhistleId, WhistleLevel.Community, Whistler, Now);

        stream.Events.ShouldBeEvents(new WhistleBlown(
            WhistleId, Id, Number, Category, WhistleType.Routine, WhistleLevel.Community, CommunityId, SubDistrictId, Need,
            [new AssignmentTerms(Other, AssignmentRole.Lead, DeadlinesFrom(Now), RejectionWindowFrom(Now))], 0, null, Whistler, Now, [Audience.Officers(Other)]));
    }

    [Fact]
    public void a_department_with_no_active_officer_is_assigned_all_the_same_and_flagged()
    {
        var command = new BlowWhistle(Need, Lead: Lead, CoHandling: [Spare], DepartureReason: "需公安配合维持秩序。");

        Validate(command).ShouldBeNoProblem();
        var (_, _, stream, messages) = BlowWhistleEndpoint.Blow(
            command, AcceptedComplaint, Routing, WhistleId, WhistleLevel.Community, Whistler, Now);

        var blown = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>();
        blown.Assignments.Select(a => a.Department).ShouldBe([Lead, Spare]);
        blown.WithoutActiveOfficer.ShouldBe([Spare]);
        blown.Told.ShouldBe([Audience.Officers(Lead), Audience.Officers(Spare)]);
        messages.Unwrapped().Count(m => m.Message is WhistleDeadlineReached { Department: Spare }).ShouldBe(2);
        DetailsAfter(blown).Assignments.Select(a => (a.Department, a.WithoutActiveOfficer)).ShouldBe([(Lead, false), (Spare, true)]);
    }

    [Fact]
    public void when_every_department_has_an_active_officer_nothing_is_flagged() =>
        BlowWhistleEndpoint.Blow(ByTheCatalogue, AcceptedComplaint, Routing, WhistleId, WhistleLevel.Community, Whistler, Now)
            .Item3.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>().WithoutActiveOfficer.ShouldBeNull();

    [Fact]
    public void the_due_times_record_the_policy_and_calendar_versions_in_force()
    {
        var policy = new DeadlinePolicy { Id = DeadlinePolicy.StreamId, Version = 3, Rules = [.. DeadlinePolicy.Default.Rules] };
        var calendar = new Whistle.County.Calendar.CountyCalendar { Id = Whistle.County.Calendar.CountyCalendar.StreamId, Version = 2 };

        var (_, _, stream, _) = BlowWhistleEndpoint.Blow(
            ByTheCatalogue, AcceptedComplaint, Routing with { Policy = policy, Calendar = calendar }, WhistleId, WhistleLevel.Community, Whistler, Now);

        stream.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>().Assignments
            .Select(a => (a.Deadlines.PolicyVersion, a.Deadlines.CalendarVersion)).ShouldBe([(3, 2), (3, 2)]);
    }

    [Fact]
    public void a_whistle_blown_by_a_community_worker_starts_at_the_community_level()
    {
        var (response, _, stream, _) = BlowWhistleEndpoint.Post(
            ByTheCatalogue, AcceptedComplaint, Routing, Users.CommunityWorker(CommunityId, SubDistrictId), Now);

        stream.StreamId.ShouldBe(response.WhistleId);
        var blown = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>();
        (blown.WhistleId, blown.Level, blown.By).ShouldBe((response.WhistleId, WhistleLevel.Community, Users.CommunityWorkerActor));
    }

    [Fact]
    public void a_whistle_blown_by_a_sub_district_officer_starts_at_the_sub_district_level()
    {
        var (response, _, stream, _) = BlowWhistleEndpoint.Post(
            ByTheCatalogue, AcceptedComplaint, Routing, Users.SubDistrictWorker(SubDistrictId), Now);

        var blown = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>();
        (blown.WhistleId, blown.Level, blown.By).ShouldBe((response.WhistleId, WhistleLevel.SubDistrict, Users.SubDistrictWorkerActor));
    }

    [Fact]
    public void the_decision_records_the_level_it_is_given()
    {
        var (_, _, stream, _) = BlowWhistleEndpoint.Blow(
            ByTheCatalogue, AcceptedComplaint, Routing, WhistleId, WhistleLevel.SubDistrict, Users.SubDistrictWorkerActor, Now);

        stream.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>().Level.ShouldBe(WhistleLevel.SubDistrict);
    }

    private static DispatchCatalogue CatalogueOf(string category) => new()
    {
        Id = DispatchCatalogue.StreamId,
        Version = 5,
        Entries = [new CatalogueEntry(category, "噪声扰民", "Noise", Spare, [], WhistleType.Routine)],
    };
}
