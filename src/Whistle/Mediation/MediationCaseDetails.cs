using Whistle.Privacy;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;

namespace Whistle.Mediation;

/// <summary>Everything the centre sees on one mediation case. Kept inline, so it is current as soon as a command returns.</summary>
public sealed class MediationCaseDetails : IHoldsPersonalData
{
    /// <summary>Where scope reads a mediation case's area: its details and every list of cases read these fields.</summary>
    public static readonly CaseFields<MediationCaseDetails> Fields = new(CaseKind.Mediation, x => x.CommunityCode, x => x.SubDistrictCode);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public MediationStatus Status { get; set; }
    public string StatusLabel => Status.Label();
    /// <summary>
    /// Open: in mediation, or an agreement waiting for its confirmation and follow-up.
    /// An open case is on its mediator's docket and open in the shared case list.
    /// </summary>
    public bool IsOpen => MediationStatuses.IsOpen(Status);
    public ReferralSource Source { get; set; }
    public Guid? SourceCaseId { get; set; }
    public string? SourceNumber { get; set; }
    public string? SourceReference { get; set; }
    public List<PartyView> Parties { get; set; } = [];
    public string Matter { get; set; } = "";
    public string? PropertyCompanyCode { get; set; }
    public string? CompoundCode { get; set; }
    public string? CommunityCode { get; set; }
    public string? SubDistrictCode { get; set; }
    public Actor OpenedBy { get; set; } = new("", "", "");
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>The one-month limit (or the extended one) ends at 24:00 of this day, China time.</summary>
    public DateOnly? LimitLastDay { get; set; }
    public List<Extension> Extensions { get; set; } = [];
    public bool Overdue { get; set; }
    public string? MediatorId { get; set; }
    public string? MediatorName { get; set; }
    public MediatorSelection? MediatorSelection { get; set; }
    public List<Session> Sessions { get; set; } = [];
    public DateTimeOffset? NextSessionAt { get; set; }
    public Agreement? SignedAgreement { get; set; }
    public string? FailureReason { get; set; }
    public string? OtherRoutesNotice { get; set; }
    /// <summary>When mediation ended: not mediated, failed, or an agreement signed — which keeps the case open.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public JudicialConfirmation? Confirmation { get; set; }
    public List<FollowUp> FollowUps { get; set; } = [];
    public string? CourtReferralNotice { get; set; }

    public sealed record PartyView(string Name, string? Phone, PartySide Side, bool IsOrganisation, bool? Consented, DateTimeOffset? AnsweredAt, string? RefusalReason);
    public sealed record Extension(DateOnly From, DateOnly To, IReadOnlyList<PartySide> ConsentedBy, string? Reason, DateTimeOffset At);
    public sealed record Session(
        Guid Id, DateTimeOffset HeldAt, IReadOnlyList<string> Participants, IReadOnlyList<Invitee> Invited, string Minutes,
        Guid? BatchId, BatchReason? BatchReason, Actor By);
    public sealed record Agreement(
        string Facts, string Terms, string PerformanceManner, DateOnly PerformanceDeadline, DateTimeOffset EffectiveAt, Actor By);
    public sealed record FollowUp(PerformanceResult Result, string? Note, Actor By, DateTimeOffset At);

    /// <summary>The 30-day window, the court's due dates, and whether the court kept them.</summary>
    public sealed class JudicialConfirmation
    {
        public DateOnly WindowLastDay { get; set; }
        public DateTimeOffset? ReminderSentAt { get; set; }
        public DateTimeOffset? WindowClosedAt { get; set; }
        public string? Court { get; set; }
        public DateOnly? AppliedOn { get; set; }
        public DateOnly? AcceptanceDueOn { get; set; }
        public DateOnly? AcceptedOn { get; set; }
        public string? CourtCaseNumber { get; set; }
        public bool? AcceptanceLate { get; set; }
        public DateOnly? RulingDueOn { get; set; }
        public bool? Extended { get; set; }
        public DateOnly? RuledOn { get; set; }
        public JudicialRuling? Ruling { get; set; }
        public bool? RulingLate { get; set; }
        public string? RulingNote { get; set; }
    }

    /// <summary>
    /// Every resident's name and phone: the parties, the sessions' participants and the people invited to them. An
    /// organisation that is a party, and the centre's own staff (the mediator, who recorded what), act in an official
    /// capacity and are no one's personal data here.
    /// </summary>
    public IEnumerable<PersonalDatum> PersonalData()
    {
        for (var i = 0; i < Parties.Count; i++)
        {
            if (Parties[i].IsOrganisation) continue;
            yield return PersonalDatum.Name($"parties[{i}].name", Parties[i].Name);
            if (Parties[i].Phone is { } phone) yield return PersonalDatum.Phone($"parties[{i}].phone", phone);
        }
        var inClear = InClear();
        for (var s = 0; s < Sessions.Count; s++)
        {
            for (var p = 0; p < Sessions[s].Participants.Count; p++)
                if (!inClear.Contains(Sessions[s].Participants[p]))
                    yield return PersonalDatum.Name($"sessions[{s}].participants[{p}]", Sessions[s].Participants[p]);
            for (var p = 0; p < Sessions[s].Invited.Count; p++)
                yield return PersonalDatum.Name($"sessions[{s}].invited[{p}].name", Sessions[s].Invited[p].Name);
        }
    }

    /// <summary>
    /// A copy with every resident's name and phone (<see cref="PersonalData"/>) opened by the keys and masked: how every
    /// answer shows it.
    /// </summary>
    public MediationCaseDetails Masked(Keyring keys)
    {
        var copy = (MediationCaseDetails)MemberwiseClone();
        copy.Parties = Parties.Select(p => p with
        {
            Name = p.IsOrganisation ? p.Name : PersonalDatum.Of(PersonalDataKind.Name, keys.Open(p.Name)),
            Phone = p.Phone is null ? null : PersonalDatum.Of(PersonalDataKind.Phone, keys.Open(p.Phone)),
        }).ToList();
        var inClear = InClear();
        copy.Sessions = Sessions.Select(s => s with
        {
            Participants = s.Participants.Select(name => inClear.Contains(name) ? name : PersonalDatum.Of(PersonalDataKind.Name, keys.Open(name))).ToList(),
            Invited = s.Invited.Select(i => i with { Name = PersonalDatum.Of(PersonalDataKind.Name, keys.Open(i.Name)) }).ToList(),
        }).ToList();
        return copy;
    }

    private HashSet<string> InClear() =>
        Parties.Where(p => p.IsOrganisation).Select(p => p.Name).Append(MediatorName).OfType<string>().ToHashSet();
}

public partial class MediationCaseDetailsProjection : SingleStreamProjection<MediationCaseDetails, Guid>
{
    public static MediationCaseDetails Create(IEvent<MediationCaseOpened> e) => new()
    {
        Id = e.Data.MediationCaseId,
        Version = e.Version,
        Number = e.Data.Number,
        Status = MediationStatus.AwaitingConsent,
        Source = e.Data.Source,
        SourceCaseId = e.Data.SourceCaseId,
        SourceNumber = e.Data.SourceNumber,
        SourceReference = e.Data.SourceReference,
        Parties = e.Data.Parties.Select(p => new MediationCaseDetails.PartyView(p.Name, p.Phone, p.Side, p.IsOrganisation, null, null, null)).ToList(),
        Matter = e.Data.Matter,
        PropertyCompanyCode = e.Data.PropertyCompanyCode,
        CompoundCode = e.Data.CompoundCode,
        CommunityCode = e.Data.CommunityCode,
        SubDistrictCode = e.Data.SubDistrictCode,
        OpenedBy = e.Data.By,
        OpenedAt = e.Data.At,
        UpdatedAt = e.Data.At,
    };

    public static void Apply(IEvent<ConsentGiven> e, MediationCaseDetails d)
    {
        Answer(d, e.Data.Side, true, e.Data.At, null);
        if (d.Parties.All(p => p.Consented == true)) d.Status = MediationStatus.Consented;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ConsentRefused> e, MediationCaseDetails d)
    {
        Answer(d, e.Data.Side, false, e.Data.At, e.Data.Reason);
        End(d, MediationStatus.NotMediated, e.Data.At);
        d.OtherRoutesNotice = e.Data.OtherRoutesNotice;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<MediationCaseAccepted> e, MediationCaseDetails d)
    {
        d.Status = MediationStatus.Accepted;
        d.AcceptedAt = e.Data.At;
        d.LimitLastDay = e.Data.LimitLastDay;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<MediationExtended> e, MediationCaseDetails d)
    {
        d.Extensions.Add(new MediationCaseDetails.Extension(e.Data.PreviousLastDay, e.Data.LimitLastDay, e.Data.ConsentedBy, e.Data.Reason, e.Data.At));
        d.LimitLastDay = e.Data.LimitLastDay;
        d.Overdue = false;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<MediationOverdue> e, MediationCaseDetails d)
    {
        d.Overdue = true;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<MediatorAssigned> e, MediationCaseDetails d)
    {
        d.MediatorId = e.Data.MediatorId;
        d.MediatorName = e.Data.MediatorName;
        d.MediatorSelection = e.Data.How;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<MediationSessionHeld> e, MediationCaseDetails d)
    {
        var s = e.Data;
        d.Sessions.Add(new MediationCaseDetails.Session(s.SessionId, s.HeldAt, s.Participants, s.Invited, s.Minutes, s.BatchId, s.BatchReason, s.By));
        d.NextSessionAt = s.NextSessionAt;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<AgreementSigned> e, MediationCaseDetails d)
    {
        var a = e.Data;
        d.SignedAgreement = new MediationCaseDetails.Agreement(a.Facts, a.Terms, a.PerformanceManner, a.PerformanceDeadline, a.At, a.By);
        d.Confirmation = new MediationCaseDetails.JudicialConfirmation { WindowLastDay = a.ConfirmationLastDay };
        End(d, MediationStatus.AgreementSigned, a.At);
        Touch(e, d, a.At);
    }

    public static void Apply(IEvent<MediationFailed> e, MediationCaseDetails d)
    {
        d.FailureReason = e.Data.Reason;
        d.OtherRoutesNotice = e.Data.OtherRoutesNotice;
        End(d, MediationStatus.Failed, e.Data.At);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<JudicialConfirmationReminderSent> e, MediationCaseDetails d)
    {
        d.Confirmation!.ReminderSentAt = e.Data.At;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<JudicialConfirmationWindowClosed> e, MediationCaseDetails d)
    {
        d.Confirmation!.WindowClosedAt = e.Data.At;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<JudicialConfirmationApplied> e, MediationCaseDetails d)
    {
        var c = d.Confirmation!;
        c.Court = e.Data.Court;
        c.AppliedOn = e.Data.AppliedOn;
        c.AcceptanceDueOn = e.Data.AcceptanceDueOn;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<JudicialConfirmationAccepted> e, MediationCaseDetails d)
    {
        var c = d.Confirmation!;
        c.AcceptedOn = e.Data.AcceptedOn;
        c.CourtCaseNumber = e.Data.CourtCaseNumber;
        c.AcceptanceLate = e.Data.Late;
        c.RulingDueOn = e.Data.RulingDueOn;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<JudicialConfirmationRuled> e, MediationCaseDetails d)
    {
        var c = d.Confirmation!;
        c.Ruling = e.Data.Ruling;
        c.RuledOn = e.Data.RuledOn;
        c.Extended = e.Data.Extended;
        c.RulingDueOn = e.Data.RulingDueOn;
        c.RulingLate = e.Data.Late;
        c.RulingNote = e.Data.Note;
        if (e.Data.Ruling == JudicialRuling.Invalid && d.Status == MediationStatus.AgreementSigned)
            d.Status = MediationStatus.AgreementInvalid;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<PerformanceFollowedUp> e, MediationCaseDetails d)
    {
        d.FollowUps.Add(new MediationCaseDetails.FollowUp(e.Data.Result, e.Data.Note, e.Data.By, e.Data.At));
        d.Status = e.Data.Result == PerformanceResult.Performed ? MediationStatus.Performed : MediationStatus.Breached;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<CourtEnforcementReferred> e, MediationCaseDetails d)
    {
        d.CourtReferralNotice = e.Data.Notice;
        Touch(e, d, e.Data.At);
    }

    private static void Answer(MediationCaseDetails d, PartySide side, bool consented, DateTimeOffset at, string? reason)
    {
        var i = d.Parties.FindIndex(p => p.Side == side);
        if (i >= 0) d.Parties[i] = d.Parties[i] with { Consented = consented, AnsweredAt = at, RefusalReason = reason };
    }

    private static void End(MediationCaseDetails d, MediationStatus status, DateTimeOffset at)
    {
        d.Status = status;
        d.EndedAt = at;
        d.NextSessionAt = null;
    }

    private static void Touch(IEvent e, MediationCaseDetails d, DateTimeOffset at)
    {
        d.Version = e.Version;
        d.UpdatedAt = at;
    }
}
