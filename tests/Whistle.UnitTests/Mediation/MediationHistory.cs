using Shouldly;
using Whistle.County.Calendar;
using Whistle.Kernel;
using Whistle.Mediation;
using Wolverine;

namespace Whistle.UnitTests.Mediation;

/// <summary>
/// The Given events of mediation tests: a neighbours' dispute applied for in 东关花园 (served by PC07), and the events
/// that can follow, at fixed China times around <see cref="Now"/>.
/// </summary>
public static class MediationHistory
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly Guid Id = Guid.Parse("019ab0c2-4a00-7000-8000-00000000c001");
    public static readonly Guid OtherId = Guid.Parse("019ab0c2-4a00-7000-8000-00000000c002");
    public static readonly Guid ThirdId = Guid.Parse("019ab0c2-4a00-7000-8000-00000000c003");
    public static readonly Guid DisputeId = Guid.Parse("019ab0c2-4a00-7000-8000-00000000d001");
    public static readonly Guid SessionId = Guid.Parse("019ab0c2-4a00-7000-8000-00000000e001");
    public const string Number = "TJ-2026-000042";
    public const string Company = "PC07";
    public const string OtherCompany = "PC08";

    public static readonly Actor Mediator = new("mediator", "吴调解", Roles.Mediator);

    /// <summary>Opened on Monday 2026-03-02 09:00 China time.</summary>
    public static readonly DateTimeOffset OpenedAt = new(2026, 3, 2, 9, 0, 0, China);
    /// <summary>Accepted the same day at 11:00: the one-month limit ends with Thursday 2026-04-02.</summary>
    public static readonly DateTimeOffset AcceptedAt = new(2026, 3, 2, 11, 0, 0, China);
    public static readonly DateOnly LimitLastDay = new(2026, 4, 2);
    /// <summary>The business time decisions in mediation run at: a week after acceptance.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 9, 10, 0, 0, China);
    /// <summary>
    /// The agreement is signed on Friday 2026-03-20 at 15:00. Day 30, 2026-04-19, is a Sunday, so the confirmation
    /// window's last day is Monday 2026-04-20 (民法典 Art. 203).
    /// </summary>
    public static readonly DateTimeOffset SignedAt = new(2026, 3, 20, 15, 0, 0, China);
    public static readonly DateOnly ConfirmationLastDay = new(2026, 4, 20);
    public static readonly DateOnly PerformanceDeadline = new(2026, 4, 5);

    /// <summary>The State Council's schedule alone: a county that declared no days of its own.</summary>
    public static readonly WorkingCalendar OfficialCalendar = new(OfficialHolidays.Days);

    public static readonly MediationParty Applicant = new("王大妈", "13900002222", PartySide.Applicant);
    public static readonly MediationParty Respondent = new("李先生", "13800003333", PartySide.Respondent);

    public static MediationCaseOpened Opened(
        ReferralSource source = ReferralSource.Party, Guid? id = null, string? company = Company, Guid? sourceCaseId = null) =>
        new(id ?? Id, Number, source, sourceCaseId ?? (source == ReferralSource.FeeDispute ? DisputeId : null),
            source == ReferralSource.FeeDispute ? "WY-2026-000007" : null, null, [Applicant, Respondent],
            "楼上装修漏水致楼下天花板受损。", company, "CP010101", "CM0101", "SD01", Mediator, OpenedAt);

    public static ConsentGiven Consent(PartySide side, Guid? id = null) => new(id ?? Id, side, Mediator, OpenedAt.AddHours(1));

    public static ConsentRefused Refused(PartySide side) =>
        new(Id, side, "不愿调解", MediationRules.NotMediatedNotice, Mediator, OpenedAt.AddHours(1));

    public static MediationCaseAccepted Accepted(Guid? id = null) => new(id ?? Id, LimitLastDay, Mediator, AcceptedAt);

    public static MediationExtended Extended(DateOnly to) =>
        new(Id, LimitLastDay, to, [PartySide.Applicant, PartySide.Respondent], "等待鉴定", Mediator, AcceptedAt.AddDays(20));

    public static MediationOverdue Overdue(DateOnly lastDay) => new(Id, lastDay, MediationTimes.EndOf(lastDay));

    public static MediatorAssigned MediatorNamed(string mediatorId = "mediator", MediatorSelection how = MediatorSelection.Appointed) =>
        new(Id, mediatorId, "吴调解", how, Mediator, AcceptedAt.AddHours(1));

    public static MediationSessionHeld SessionHeld(DateTimeOffset? nextSessionAt = null, Guid? id = null) =>
        new(id ?? Id, SessionId, AcceptedAt.AddDays(3), ["王大妈", "李先生"], [new Invitee("张师傅", InviteeRole.Expert, null)],
            "双方同意修复漏水点。", nextSessionAt, null, null, Mediator, AcceptedAt.AddDays(3));

    public static AgreementSigned AgreementMade() =>
        new(Id, [Applicant, Respondent], "防水层破损，楼上负主要责任。", "十五日内修复并赔偿 2000 元。", "一次性转账。",
            PerformanceDeadline, ConfirmationLastDay, Mediator, SignedAt);

    public static MediationFailed Failed() => new(Id, "分歧过大", MediationRules.FailedNotice, Mediator, SignedAt);

    public static JudicialConfirmationApplied Applied(DateOnly on) =>
        new(Id, "安澜县人民法院", on, MediationTimes.AcceptanceDueOn(on), Mediator, MediationTimes.EndOf(on).AddHours(-10));

    public static JudicialConfirmationAccepted CourtAccepted(DateOnly appliedOn, DateOnly on) =>
        new(Id, on, "(2026)安0523民特 12 号", MediationTimes.AcceptanceDueOn(appliedOn), on > MediationTimes.AcceptanceDueOn(appliedOn),
            MediationTimes.RulingDueOn(on, false), Mediator, MediationTimes.EndOf(on).AddHours(-10));

    public static JudicialConfirmationRuled Ruled(DateOnly acceptedOn, JudicialRuling ruling = JudicialRuling.Confirmed) =>
        new(Id, ruling, acceptedOn.AddDays(10), false, MediationTimes.RulingDueOn(acceptedOn, false), false, null, Mediator,
            MediationTimes.EndOf(acceptedOn.AddDays(10)).AddHours(-10));

    public static PerformanceFollowedUp FollowedUp(PerformanceResult result) =>
        new(Id, result, "回访", Mediator, MediationTimes.EndOf(PerformanceDeadline).AddHours(10));

    /// <summary>Opened and both parties consented.</summary>
    public static object[] ConsentedHistory(ReferralSource source = ReferralSource.Party) =>
        [Opened(source), Consent(PartySide.Applicant), Consent(PartySide.Respondent)];

    /// <summary>Accepted: in mediation, nothing else yet.</summary>
    public static object[] AcceptedHistory(ReferralSource source = ReferralSource.Party) => [.. ConsentedHistory(source), Accepted()];

    /// <summary>In mediation with a mediator and one session: ready for an agreement.</summary>
    public static object[] ReadyHistory(ReferralSource source = ReferralSource.Party) =>
        [.. AcceptedHistory(source), MediatorNamed(), SessionHeld()];

    public static object[] AgreedHistory(ReferralSource source = ReferralSource.Party) => [.. ReadyHistory(source), AgreementMade()];

    /// <summary>The write model after these events, folded through its own Create and Apply.</summary>
    public static MediationCase CaseAfter(params object[] events) => EventSpecification.Given<MediationCase>(events);

    public static MediationCaseDetails DetailsAfter(params object[] events) =>
        EventSpecification.Project<MediationCaseDetailsProjection, MediationCaseDetails>(events);

    /// <summary>China time on a day of 2026: <c>At(4, 20, 23, 59)</c>.</summary>
    public static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0) => new(2026, month, day, hour, minute, 0, China);
}

/// <summary>An outgoing message as a test reads it: the message, and when Wolverine is to deliver it (null: now).</summary>
public sealed record Outgoing(object Message, DateTimeOffset? At);

public static class OutgoingAssertions
{
    /// <summary>Unwraps Wolverine's <c>ScheduledAt</c> envelopes so messages and their times compare by value.</summary>
    public static IReadOnlyList<Outgoing> Unwrapped(this IEnumerable<object> messages) =>
        messages.Select(m => m switch
        {
            DeliveryMessage<MediationMonthElapsed> d => new Outgoing(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<JudicialConfirmationReminderDue> d => new Outgoing(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<JudicialConfirmationWindowElapsed> d => new Outgoing(d.Message, d.Options.ScheduledTime),
            _ => new Outgoing(m, null),
        }).ToList();

    /// <summary>Exactly these messages, at exactly these times, in any order.</summary>
    public static void ShouldBeMessages(this IEnumerable<object> messages, params Outgoing[] expected) =>
        messages.Unwrapped().ShouldBe(expected, ignoreOrder: true);
}
