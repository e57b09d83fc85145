using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RefuseExtensionTests
{
    private static readonly DateTimeOffset AWeekLater = new(2026, 3, 18, 17, 0, 0, TimeSpan.FromHours(8));

    private static readonly RefuseExtension Refuse = new("居民反映强烈，须按时办结。");

    private static object[] Pending => [Blown(), SignedFor(Lead), ExtensionAsked(Lead, AWeekLater)];

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(RefuseExtension command, object[] history, System.Security.Claims.ClaimsPrincipal? user = null) =>
        RefuseExtensionEndpoint.Validate(command, WhistleAfter(history), Lead, user ?? Users.CommunityWorker(CommunityId, SubDistrictId));

    [Fact]
    public void the_whistler_refuses_an_extension_with_the_reason()
    {
        var whistle = WhistleAfter(Pending);
        var command = new RefuseExtension(" 居民反映强烈，须按时办结。 ");

        RefuseExtensionEndpoint.Validate(command, whistle, Lead, Users.CommunityWorker(CommunityId, SubDistrictId)).ShouldBeNoProblem();
        var (_, events) = RefuseExtensionEndpoint.Post(command, whistle, Lead, Users.CommunityWorker(CommunityId, SubDistrictId), Now);

        events.ShouldBeEvents(new ExtensionRefused(WhistleId, Lead, "居民反映强烈，须按时办结。", Whistler, Now, [Audience.Officers(Lead)]));
    }

    [Fact]
    public void a_refusal_leaves_the_reply_due_when_it_was()
    {
        var lead = WhistleAfter([.. Pending, Refused(Lead)]).Find(Lead).ShouldNotBeNull();

        (lead.ReplyDue, lead.ProposedReplyDue).ShouldBe((Original.ReplyDue, null));
    }

    [Fact]
    public void the_reason_is_required() =>
        Validate(Refuse with { Reason = null }, Pending).ShouldRejectField("reason", "Required.");

    [Fact]
    public void without_a_pending_request_there_is_nothing_to_refuse() =>
        Validate(Refuse, [Blown(), SignedFor(Lead)]).ShouldBeConflict("There is no extension request to answer.");

    [Fact]
    public void a_worker_of_another_community_cannot_see_the_whistle() =>
        Validate(Refuse, Pending, Users.CommunityWorker(NeighbourCommunityId, SubDistrictId)).ShouldBeNotFound();

    [Fact]
    public void a_department_not_on_the_whistle_has_no_extension_to_refuse() =>
        RefuseExtensionEndpoint.Validate(Refuse, WhistleAfter(Pending), Other, Users.CommunityWorker(CommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_refuses_nothing() =>
        Validate(Refuse, [.. AllReplied, Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void refusing_with_a_stale_expected_version_is_a_conflict() =>
        Validate(Refuse with { ExpectedVersion = 1 }, Pending).ShouldBeStaleVersion(expected: 1, current: 3);
}
