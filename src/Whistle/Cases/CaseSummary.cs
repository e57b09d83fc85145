using System.Linq.Expressions;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;

namespace Whistle.Cases;

/// <summary>
/// One case of any kind — complaint, fee dispute, mediation case — as the shared case list pages it: one row per case,
/// so that a page is one query (filter, order, skip, take) whatever its number. Kept inline from the events of all
/// three kinds, so the list is never behind the details. It keeps no personal data: no complainant, owner or party,
/// only the codes scope reads, the status and the same short summary the list has always shown.
/// </summary>
/// <remarks>
/// A database that holds cases from before this document existed has no summaries for them: rebuild the projection
/// once (<c>POST /api/admin/projections/CaseSummary/rebuild</c>, or <c>dotnet run -- projections rebuild -p CaseSummary</c>).
/// </remarks>
public sealed class CaseSummary
{
    public const string Complaint = "complaint", FeeDispute = "fee-dispute", Mediation = "mediation";

    /// <summary>The kinds of case the summary holds, by the name the list's <c>kind</c> filter takes.</summary>
    public static readonly IReadOnlyDictionary<string, CaseKind> Kinds = new Dictionary<string, CaseKind>
    {
        [Complaint] = CaseKind.Complaint, [FeeDispute] = CaseKind.FeeDispute, [Mediation] = CaseKind.Mediation,
    };

    /// <summary>Where scope reads a summary's area: the same fields for every kind, each kind by its own row of reach.</summary>
    public static CaseFields<CaseSummary> FieldsOf(CaseKind kind) => new(kind, x => x.CommunityCode, x => x.SubDistrictCode);

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Number { get; set; } = "";
    public string Status { get; set; } = "";
    public string StatusLabel { get; set; } = "";
    /// <summary>Open as the kind's own rule says (<see cref="ComplaintStatuses.IsOpen"/>, <see cref="FeeDisputeStages.IsOpen"/>, <see cref="MediationStatuses.IsOpen"/>).</summary>
    public bool Open { get; set; }
    public string? CommunityCode { get; set; }
    public string? SubDistrictCode { get; set; }
    public string? CompoundCode { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>
    /// When the case was opened, held in UTC: it is a column of its own that pages order by (CasesSetup), and PostgreSQL's
    /// <c>timestamptz</c> takes UTC values only (a time read or given with the county's +08:00 would fail the write).
    /// </summary>
    public DateTimeOffset OpenedAt { get; set => field = value.ToUniversalTime(); }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A fee dispute's summary names its compound, unit and what is still owed: kept to rewrite it after each payment.</summary>
    public string? CompoundName { get; set; }
    public string? Unit { get; set; }
    public decimal Outstanding { get; set; }
    /// <summary>A mediation case's parties by side, in order, and whether each consented: all consenting makes it consented.</summary>
    public List<PartyConsent> Consents { get; set; } = [];

    public sealed record PartyConsent(PartySide Side, bool? Consented);

    /// <summary>The cases among <paramref name="kinds"/> the user sees, as one predicate; null when they see none.</summary>
    public static Expression<Func<CaseSummary, bool>>? SeenBy(Scope scope, IEnumerable<string> kinds)
    {
        var x = Expression.Parameter(typeof(CaseSummary), "x");
        Expression? seen = null;
        foreach (var kind in kinds)
        {
            var admits = scope.Admits(FieldsOf(Kinds[kind]));
            if (admits.Body is ConstantExpression { Value: false }) continue;
            Expression ofKind = Expression.Equal(Expression.Property(x, nameof(Kind)), Expression.Constant(kind));
            if (admits.Body is not ConstantExpression { Value: true })
                ofKind = Expression.AndAlso(ofKind, new Rebind(admits.Parameters[0], x).Visit(admits.Body));
            seen = seen is null ? ofKind : Expression.OrElse(seen, ofKind);
        }
        return seen is null ? null : Expression.Lambda<Func<CaseSummary, bool>>(seen, x);
    }

    internal void Is(ComplaintStatus status)
    {
        (Status, StatusLabel, Open) = (status.ToString(), status.Label(), ComplaintStatuses.IsOpen(status));
    }

    internal void Is(FeeDisputeStage stage)
    {
        (Status, StatusLabel, Open) = (stage.ToString(), stage.Label(), FeeDisputeStages.IsOpen(stage));
    }

    internal void Owes(decimal outstanding)
    {
        Outstanding = outstanding;
        Summary = $"{CompoundName} {Unit} 欠费 {Outstanding:0.00} 元";
    }

    internal void Is(MediationStatus status)
    {
        (Status, StatusLabel, Open) = (status.ToString(), status.Label(), MediationStatuses.IsOpen(status));
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>
/// The summary of every case, from the events of the three kinds (one stream per case, so one summary per stream). Each
/// status moves as the kind's own details move it; the events a kind's details do not date (reminders, overdue, a
/// citation by another case) leave it alone, as they leave the details' update time alone.
/// </summary>
public partial class CaseSummaryProjection : SingleStreamProjection<CaseSummary, Guid>
{
    public static CaseSummary Create(IEvent<ComplaintLodged> e)
    {
        var s = new CaseSummary
        {
            Id = e.Data.ComplaintId, Kind = CaseSummary.Complaint, Number = e.Data.Number,
            CommunityCode = e.Data.CommunityId, SubDistrictCode = e.Data.SubDistrictId, CompoundCode = e.Data.CompoundId,
            Summary = CaseSummary.Shorten(e.Data.Description), OpenedAt = e.Data.At, UpdatedAt = e.Data.At,
        };
        s.Is(ComplaintStatus.Lodged);
        return s;
    }

    public static void Apply(IEvent<ComplaintAccepted> e, CaseSummary s) => Complaint(s, ComplaintStatus.Accepted, e.Data.At);
    public static void Apply(IEvent<ComplaintDeclined> e, CaseSummary s) => Complaint(s, ComplaintStatus.Declined, e.Data.At);
    public static void Apply(IEvent<ComplaintResolved> e, CaseSummary s) => Complaint(s, ComplaintStatus.Resolved, e.Data.At);
    public static void Apply(IEvent<ComplaintFollowUpRecorded> e, CaseSummary s) => Complaint(s, ComplaintStatus.FollowedUp, e.Data.At);
    public static void Apply(IEvent<ComplaintClosed> e, CaseSummary s) => Complaint(s, ComplaintStatus.Closed, e.Data.At);
    public static void Apply(IEvent<ComplaintReopened> e, CaseSummary s) => Complaint(s, ComplaintStatus.Accepted, e.Data.At);
    public static void Apply(IEvent<ComplaintWithdrawn> e, CaseSummary s) => Complaint(s, ComplaintStatus.Withdrawn, e.Data.At);
    public static void Apply(IEvent<ComplaintMarkedDuplicate> e, CaseSummary s) => Complaint(s, ComplaintStatus.Duplicate, e.Data.At);
    public static void Apply(IEvent<ComplaintNoteAdded> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<ComplaintLinked> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<ComplaintWhistled> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<ComplaintWhistleConcluded> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<ComplaintWhistleReassigned> e, CaseSummary s) => s.UpdatedAt = e.Data.At;

    /// <summary>A fee dispute is dated by the store's timestamp of each event, as its details are.</summary>
    public static CaseSummary Create(IEvent<FeeDisputeRaised> e)
    {
        var s = new CaseSummary
        {
            Id = e.Data.FeeDisputeId, Kind = CaseSummary.FeeDispute, Number = e.Data.Number,
            CommunityCode = e.Data.CommunityCode, SubDistrictCode = e.Data.SubDistrictCode, CompoundCode = e.Data.CompoundCode,
            CompoundName = e.Data.CompoundName ?? e.Data.CompoundCode, Unit = e.Data.Unit,
            OpenedAt = e.Data.At, UpdatedAt = e.Timestamp,
        };
        s.Is(FeeDisputeStage.Open);
        s.Owes(e.Data.AmountOwed);
        return s;
    }

    public static void Apply(IEvent<FeePaid> e, CaseSummary s)
    {
        s.Owes(e.Data.Outstanding);
        if (e.Data.Outstanding == 0) s.Is(FeeDisputeStage.Settled);
        s.UpdatedAt = e.Timestamp;
    }

    public static void Apply(IEvent<WaiverGranted> e, CaseSummary s)
    {
        s.Owes(e.Data.Outstanding);
        s.UpdatedAt = e.Timestamp;
    }

    public static void Apply(IEvent<InstalmentPaid> e, CaseSummary s)
    {
        s.Owes(s.Outstanding - e.Data.Amount);
        s.UpdatedAt = e.Timestamp;
    }

    public static void Apply(IEvent<PaymentPlanAgreed> e, CaseSummary s) => Stage(s, FeeDisputeStage.PlanInProgress, e);
    public static void Apply(IEvent<PaymentPlanDefaulted> e, CaseSummary s) => Stage(s, FeeDisputeStage.PlanDefaulted, e);
    public static void Apply(IEvent<PaymentPlanCompleted> e, CaseSummary s) => Stage(s, FeeDisputeStage.Settled, e);
    public static void Apply(IEvent<FeeDisputeReferredToMediation> e, CaseSummary s) => Stage(s, FeeDisputeStage.InMediation, e);
    public static void Apply(IEvent<FeeDisputeReferredToCourt> e, CaseSummary s) => Stage(s, FeeDisputeStage.InCourt, e);

    public static void Apply(IEvent<FeeDisputeMediationEnded> e, CaseSummary s)
    {
        if (s.Status == nameof(FeeDisputeStage.InMediation)) s.Is(FeeDisputeStage.Open);
        s.UpdatedAt = e.Timestamp;
    }

    public static void Apply(IEvent<OwnerReasonsRecorded> e, CaseSummary s) => s.UpdatedAt = e.Timestamp;
    public static void Apply(IEvent<DemandIssued> e, CaseSummary s) => s.UpdatedAt = e.Timestamp;
    public static void Apply(IEvent<InstalmentMissed> e, CaseSummary s) => s.UpdatedAt = e.Timestamp;
    public static void Apply(IEvent<CreditReferralMade> e, CaseSummary s) => s.UpdatedAt = e.Timestamp;
    public static void Apply(IEvent<CreditReferralWithdrawn> e, CaseSummary s) => s.UpdatedAt = e.Timestamp;
    public static void Apply(IEvent<DefectComplaintResolved> e, CaseSummary s) => s.UpdatedAt = e.Timestamp;

    public static CaseSummary Create(IEvent<MediationCaseOpened> e)
    {
        var s = new CaseSummary
        {
            Id = e.Data.MediationCaseId, Kind = CaseSummary.Mediation, Number = e.Data.Number,
            CommunityCode = e.Data.CommunityCode, SubDistrictCode = e.Data.SubDistrictCode, CompoundCode = e.Data.CompoundCode,
            Summary = CaseSummary.Shorten(e.Data.Matter), OpenedAt = e.Data.At, UpdatedAt = e.Data.At,
            Consents = [.. e.Data.Parties.Select(p => new CaseSummary.PartyConsent(p.Side, null))],
        };
        s.Is(MediationStatus.AwaitingConsent);
        return s;
    }

    public static void Apply(IEvent<ConsentGiven> e, CaseSummary s)
    {
        var i = s.Consents.FindIndex(p => p.Side == e.Data.Side);
        if (i >= 0) s.Consents[i] = s.Consents[i] with { Consented = true };
        if (s.Consents.All(p => p.Consented == true)) s.Is(MediationStatus.Consented);
        s.UpdatedAt = e.Data.At;
    }

    public static void Apply(IEvent<ConsentRefused> e, CaseSummary s)
    {
        var i = s.Consents.FindIndex(p => p.Side == e.Data.Side);
        if (i >= 0) s.Consents[i] = s.Consents[i] with { Consented = false };
        Mediation(s, MediationStatus.NotMediated, e.Data.At);
    }

    public static void Apply(IEvent<MediationCaseAccepted> e, CaseSummary s) => Mediation(s, MediationStatus.Accepted, e.Data.At);
    public static void Apply(IEvent<AgreementSigned> e, CaseSummary s) => Mediation(s, MediationStatus.AgreementSigned, e.Data.At);
    public static void Apply(IEvent<MediationFailed> e, CaseSummary s) => Mediation(s, MediationStatus.Failed, e.Data.At);

    public static void Apply(IEvent<PerformanceFollowedUp> e, CaseSummary s) => Mediation(s,
        e.Data.Result == PerformanceResult.Performed ? MediationStatus.Performed : MediationStatus.Breached, e.Data.At);

    public static void Apply(IEvent<JudicialConfirmationRuled> e, CaseSummary s)
    {
        if (e.Data.Ruling == JudicialRuling.Invalid && s.Status == nameof(MediationStatus.AgreementSigned))
            s.Is(MediationStatus.AgreementInvalid);
        s.UpdatedAt = e.Data.At;
    }

    public static void Apply(IEvent<MediationExtended> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<MediationOverdue> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<MediatorAssigned> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<MediationSessionHeld> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<JudicialConfirmationReminderSent> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<JudicialConfirmationWindowClosed> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<JudicialConfirmationApplied> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<JudicialConfirmationAccepted> e, CaseSummary s) => s.UpdatedAt = e.Data.At;
    public static void Apply(IEvent<CourtEnforcementReferred> e, CaseSummary s) => s.UpdatedAt = e.Data.At;

    private static void Complaint(CaseSummary s, ComplaintStatus status, DateTimeOffset at)
    {
        s.Is(status);
        s.UpdatedAt = at;
    }

    private static void Stage(CaseSummary s, FeeDisputeStage stage, IEvent e)
    {
        s.Is(stage);
        s.UpdatedAt = e.Timestamp;
    }

    private static void Mediation(CaseSummary s, MediationStatus status, DateTimeOffset at)
    {
        s.Is(status);
        s.UpdatedAt = at;
    }
}
