using System.Text.Json;
using Shouldly;
using Whistle.Cases;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.EventSpecification;
using C = Whistle.UnitTests.Complaints.ComplaintHistory;
using F = Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;
using M = Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Cases;

public class CaseSummaryProjectionTests
{
    private static CaseSummary Summary(params object[] events) => Project<CaseSummaryProjection, CaseSummary>(events);

    [Fact]
    public void a_lodged_complaint_is_an_open_complaint_of_its_community_dated_when_lodged()
    {
        var s = Summary(C.Lodged());

        (s.Id, s.Kind, s.Number, s.Status, s.StatusLabel, s.Open).ShouldBe((C.Id, "complaint", C.Number, "Lodged", "待受理", true));
        (s.CommunityCode, s.SubDistrictCode, s.CompoundCode).ShouldBe((C.CommunityId, C.SubDistrictId, C.CompoundId));
        s.Summary.ShouldBe("楼顶有人违章搭建彩钢房。");
        (s.OpenedAt, s.UpdatedAt).ShouldBe((C.LodgedAt, C.LodgedAt));
    }

    [Fact]
    public void the_opened_time_is_held_in_utc_for_its_column_whatever_offset_it_came_with()
    {
        var local = new DateTimeOffset(2026, 11, 23, 11, 11, 0, TimeSpan.FromHours(8));

        var s = new CaseSummary { OpenedAt = local };
        var read = JsonSerializer.Deserialize<CaseSummary>("""{"openedAt":"2026-11-23T11:11:00+08:00"}""", JsonSerializerOptions.Web)!;

        (s.OpenedAt, s.OpenedAt.Offset).ShouldBe((local, TimeSpan.Zero));
        (read.OpenedAt, read.OpenedAt.Offset).ShouldBe((local, TimeSpan.Zero));
        s.OpenedAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 3, 11, 0, TimeSpan.Zero));
    }

    [Fact]
    public void a_closed_complaint_is_no_longer_open_and_dated_by_its_last_act()
    {
        var s = Summary(C.Lodged(), C.Accepted(), C.Resolved(), C.Closed());

        (s.Status, s.Open, s.UpdatedAt).ShouldBe(("Closed", false, C.LodgedAt.AddDays(5)));
        s.OpenedAt.ShouldBe(C.LodgedAt);
    }

    [Fact]
    public void a_fee_dispute_summary_names_the_compound_the_unit_and_what_is_still_owed()
    {
        var raised = Summary(F.Raised());
        var paid = Summary(F.Raised(), F.Paid(400m, 2000m));
        var settled = Summary(F.Raised(), F.Paid(2400m, 0m));

        (raised.Kind, raised.Status, raised.Open, raised.OpenedAt).ShouldBe(("fee-dispute", "Open", true, F.RaisedAt));
        raised.Summary.ShouldBe("东关花园 3 栋 2 单元 501 欠费 2400.00 元");
        paid.Summary.ShouldBe("东关花园 3 栋 2 单元 501 欠费 2000.00 元");
        (settled.Status, settled.Open).ShouldBe(("Settled", false));
    }

    [Fact]
    public void a_fee_dispute_back_from_mediation_is_open_again()
    {
        var s = Summary(F.Raised(), F.ReferredToMediation(), F.MediationEnded(MediationResult.Failed));

        (s.Status, s.Open).ShouldBe(("Open", true));
    }

    [Fact]
    public void a_mediation_case_is_consented_only_when_every_party_consented()
    {
        var one = Summary(M.Opened(), M.Consent(PartySide.Applicant));
        var both = Summary(M.ConsentedHistory());

        (one.Kind, one.Status).ShouldBe(("mediation", "AwaitingConsent"));
        (both.Status, both.Open).ShouldBe(("Consented", true));
        both.Summary.ShouldBe("楼上装修漏水致楼下天花板受损。");
    }

    [Fact]
    public void a_mediation_case_whose_agreement_the_court_ruled_invalid_is_closed()
    {
        var applied = new DateOnly(2026, 3, 23);
        var s = Summary([.. M.AgreedHistory(), M.Applied(applied), M.CourtAccepted(applied, applied.AddDays(2)),
            M.Ruled(applied.AddDays(2), JudicialRuling.Invalid)]);

        (s.Status, s.Open).ShouldBe(("AgreementInvalid", MediationStatuses.IsOpen(MediationStatus.AgreementInvalid)));
    }

    public static TheoryData<string, object[]> ComplaintHistories => new()
    {
        { "lodged", [C.Lodged()] },
        { "declined", [C.Lodged(), C.Declined()] },
        { "noted", [C.Lodged(), C.Accepted(), C.NoteAdded()] },
        { "followed up", [C.Lodged(), C.Accepted(), C.Resolved(), C.FollowedUp(Satisfaction.Satisfied)] },
        { "reopened", [C.Lodged(), C.Accepted(), C.Resolved(), C.Closed(), C.Reopened()] },
        { "withdrawn", [C.Lodged(), C.Withdrawn()] },
        { "duplicate", [C.Lodged(), C.MarkedDuplicate()] },
        { "linked", [C.Lodged(), C.Linked()] },
    };

    [Theory, MemberData(nameof(ComplaintHistories))]
    public void a_complaint_summary_agrees_with_its_details(string history, object[] events)
    {
        var d = Project<ComplaintDetailsProjection, ComplaintDetails>(events);

        Summary(events).ShouldSatisfyAllConditions(history,
            s => (s.Status, s.StatusLabel, s.Open).ShouldBe((d.Status.ToString(), d.StatusLabel, d.IsOpen)),
            s => (s.OpenedAt, s.UpdatedAt, s.Number, s.CommunityCode, s.CompoundCode).ShouldBe((d.LodgedAt, d.UpdatedAt, d.Number, d.CommunityId, d.CompoundId)));
    }

    public static TheoryData<string, object[]> FeeDisputeHistories => new()
    {
        { "raised", [F.Raised()] },
        { "waived", [F.Raised(), F.ReasonsRecorded(OwnerReason.ServiceDefect), F.Waived(400m, 2000m)] },
        { "plan", [F.Raised(), F.PlanAgreed(), F.InstalmentPaid(1)] },
        { "defaulted", [F.Raised(), F.PlanAgreed(), F.Missed(1), F.Defaulted()] },
        { "completed", [F.Raised(), F.PlanAgreed(), F.Completed()] },
        { "in mediation", [F.Raised(), F.ReferredToMediation()] },
        { "in court", [F.Raised(), F.Demanded(new DateOnly(2026, 2, 20)), F.CreditReferred(), F.ReferredToCourt()] },
        { "defect resolved", [F.Raised(), F.DefectResolved(), F.CreditReferred(), F.CreditWithdrawn()] },
    };

    [Theory, MemberData(nameof(FeeDisputeHistories))]
    public void a_fee_dispute_summary_agrees_with_its_details(string history, object[] events)
    {
        var d = Project<FeeDisputeDetailsProjection, FeeDisputeDetails>(events);

        Summary(events).ShouldSatisfyAllConditions(history,
            s => (s.Status, s.StatusLabel, s.Open).ShouldBe((d.Stage.ToString(), d.StageLabel, FeeDisputeStages.IsOpen(d.Stage))),
            s => s.Summary.ShouldBe($"{d.CompoundName} {d.Unit} 欠费 {d.Outstanding:0.00} 元"),
            s => (s.OpenedAt, s.UpdatedAt, s.Number, s.CommunityCode, s.CompoundCode).ShouldBe((d.RaisedAt, d.UpdatedAt, d.Number, d.CommunityCode, d.CompoundCode)));
    }

    public static TheoryData<string, object[]> MediationHistories => new()
    {
        { "opened", [M.Opened()] },
        { "refused", [M.Opened(), M.Refused(PartySide.Respondent)] },
        { "ready", M.ReadyHistory() },
        { "extended", [.. M.AcceptedHistory(), M.Extended(new DateOnly(2026, 4, 30))] },
        { "failed", [.. M.ReadyHistory(), M.Failed()] },
        { "performed", [.. M.AgreedHistory(), M.FollowedUp(PerformanceResult.Performed)] },
        { "breached", [.. M.AgreedHistory(), M.FollowedUp(PerformanceResult.Breached)] },
    };

    [Theory, MemberData(nameof(MediationHistories))]
    public void a_mediation_summary_agrees_with_its_details(string history, object[] events)
    {
        var d = Project<MediationCaseDetailsProjection, MediationCaseDetails>(events);

        Summary(events).ShouldSatisfyAllConditions(history,
            s => (s.Status, s.StatusLabel, s.Open).ShouldBe((d.Status.ToString(), d.StatusLabel, d.IsOpen)),
            s => (s.OpenedAt, s.UpdatedAt, s.Number, s.CommunityCode, s.CompoundCode).ShouldBe((d.OpenedAt, d.UpdatedAt, d.Number, d.CommunityCode, d.CompoundCode)));
    }

    [Fact]
    public void a_summary_keeps_no_names_phones_or_addresses()
    {
        var json = string.Join("\n", new[] { Summary(C.Lodged()), Summary(F.Raised()), Summary(M.Opened()) }.Select(s => JsonSerializer.Serialize(s)));

        foreach (var personal in new[] { C.Resident.Name, C.Resident.Phone, C.Resident.Address!, F.OwnerName, F.OwnerPhone, M.Applicant.Name, M.Applicant.Phone!, M.Respondent.Name })
            json.ShouldNotContain(personal);
    }

    [Fact]
    public void the_list_filter_admits_exactly_the_summaries_scope_sees_for_every_role()
    {
        var summaries = new[]
        {
            Summary(C.Lodged()), Summary(C.Lodged(C.OtherId, C.OtherNumber, C.OtherSubDistrictCommunityId, C.OtherSubDistrictId)),
            Summary(F.Raised()), Summary(M.Opened()),
        };
        var roles = new[] { Roles.Clerk, Roles.Community, Roles.SubDistrict, Roles.Department, Roles.Mediator, Roles.Office, Roles.Analyst, Roles.Admin, Roles.Supervisor };

        foreach (var role in roles)
        {
            var scope = new Scope("u", role, C.CommunityId, C.SubDistrictId, "公安");
            var seen = CaseSummary.SeenBy(scope, CaseSummary.Kinds.Keys.Where(k => scope.SeesAny(CaseSummary.Kinds[k])))?.Compile();
            foreach (var s in summaries)
                (seen?.Invoke(s) ?? false).ShouldBe(scope.Sees(CaseSummary.Kinds[s.Kind], new CaseArea(s.CommunityCode, s.SubDistrictCode)), $"{role} {s.Kind} {s.CommunityCode}");
        }
    }
}
