using Shouldly;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class GrantExtensionTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly DateTimeOffset AWeekLater = new(2026, 3, 18, 17, 0, 0, China);

    private static readonly GrantExtension Grant = new();

    private static object[] Pending => [Blown(), SignedFor(Lead), ExtensionAsked(Lead, AWeekLater)];

    [Fact]
    public void the_whistler_grants_the_time_asked_for_with_a_reminder_at_the_policys_fraction()
    {
        var whistle = WhistleAfter(Pending);

        GrantExtensionEndpoint.Check(Grant, whistle, Lead, Users.CommunityWorker(CommunityId, SubDistrictId), Now).ShouldBeNoProblem();
        var (_, events, messages) = GrantExtensionEndpoint.Grant(whistle, Lead, DeadlinePolicy.Default, Whistler, Now);

        // 75% of the 391 hours from 3-2 10:00 to 3-18 17:00 is 293 h 15 min.
        var reminder = new DateTimeOffset(2026, 3, 14, 15, 15, 0, China);
        events.ShouldBeEvents(new ExtensionGranted(WhistleId, Lead, AWeekLater, reminder, Whistler, Now, [Audience.Officers(Lead)]));
        messages.ShouldSchedule(Scheduled.For(Lead, DeadlineKind.Reply, AWeekLater, reminder));
    }

    [Fact]
    public void the_sub_district_officer_of_the_whistles_area_may_grant() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Pending), Lead, Users.SubDistrictWorker(SubDistrictId), Now).ShouldBeNoProblem();

    [Fact]
    public void the_reminder_follows_the_fraction_of_the_policy_in_force()
    {
        var policy = new DeadlinePolicy
        {
            Id = DeadlinePolicy.StreamId,
            Version = 2,
            Rules = [.. DeadlinePolicy.Default.Rules.Select(r => r with { ReminderAt = 0.5 })],
        };

        var (_, events, _) = GrantExtensionEndpoint.Grant(WhistleAfter(Pending), Lead, policy, Whistler, Now);

        // Half of the 391 hours is 195 h 30 min.
        events.ShouldHaveSingleItem().ShouldBeOfType<ExtensionGranted>().ReplyReminder
            .ShouldBe(new DateTimeOffset(2026, 3, 10, 13, 30, 0, China));
    }

    [Fact]
    public void the_granted_due_time_becomes_the_reply_due_time_and_the_request_is_answered()
    {
        var whistle = WhistleAfter([.. Pending, Granted(Lead, AWeekLater, AWeekLater.AddDays(-2))]);

        var lead = whistle.Find(Lead).ShouldNotBeNull();
        (lead.ReplyDue, lead.ProposedReplyDue).ShouldBe((AWeekLater, null));
    }

    [Fact]
    public void without_a_pending_request_there_is_nothing_to_grant() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Blown(), SignedFor(Lead)), Lead, Users.CommunityWorker(CommunityId, SubDistrictId), Now)
            .ShouldBeConflict("There is no extension request to answer.");

    [Fact]
    public void a_request_already_granted_cannot_be_granted_again() =>
        GrantExtensionEndpoint.Check(
                Grant, WhistleAfter([.. Pending, Granted(Lead, AWeekLater, AWeekLater.AddDays(-2))]), Lead,
                Users.CommunityWorker(CommunityId, SubDistrictId), Now)
            .ShouldBeConflict("There is no extension request to answer.");

    [Fact]
    public void a_refused_request_cannot_be_granted() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter([.. Pending, Refused(Lead)]), Lead, Users.CommunityWorker(CommunityId, SubDistrictId), Now)
            .ShouldBeConflict("There is no extension request to answer.");

    [Fact]
    public void a_worker_of_another_community_cannot_see_the_whistle() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Pending), Lead, Users.CommunityWorker(NeighbourCommunityId, SubDistrictId), Now)
            .ShouldBeNotFound();

    [Fact]
    public void an_officer_of_another_sub_district_cannot_see_the_whistle() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Pending), Lead, Users.SubDistrictWorker(OtherSubDistrictId), Now)
            .ShouldBeNotFound();

    [Fact]
    public void a_department_cannot_grant_its_own_extension() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Pending), Lead, Users.DepartmentOfficer(Lead), Now).ShouldBeNotFound();

    [Fact]
    public void a_department_not_on_the_whistle_has_no_extension_to_grant() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Pending), Other, Users.CommunityWorker(CommunityId, SubDistrictId), Now)
            .ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_grants_nothing() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter([.. AllReplied, Concluded()]), Lead, Users.CommunityWorker(CommunityId, SubDistrictId), Now)
            .ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void granting_with_a_stale_expected_version_is_a_conflict() =>
        GrantExtensionEndpoint.Check(new GrantExtension(ExpectedVersion: 2), WhistleAfter(Pending), Lead,
                Users.CommunityWorker(CommunityId, SubDistrictId), Now)
            .ShouldBeStaleVersion(expected: 2, current: 3);

    [Fact]
    public void a_request_no_longer_later_than_the_current_due_time_cannot_be_granted() =>
        GrantExtensionEndpoint.Check(Grant, WhistleAfter(Pending), Lead, Users.CommunityWorker(CommunityId, SubDistrictId),
                AWeekLater.AddMinutes(1))
            .ShouldBeConflict("refuse it instead");
}
