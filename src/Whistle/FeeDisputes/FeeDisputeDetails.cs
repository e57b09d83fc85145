using Whistle.Privacy;
using Whistle.Privacy.Sealing;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Kernel;
using Whistle.Mediation;

namespace Whistle.FeeDisputes;

/// <summary>Everything about one fee dispute; kept inline, so it is current as soon as a command returns.</summary>
public sealed class FeeDisputeDetails : IHoldsPersonalData
{
    /// <summary>Where scope reads a dispute's area: its details and its lists alike.</summary>
    public static readonly CaseFields<FeeDisputeDetails> Fields = new(CaseKind.FeeDispute, x => x.CommunityCode, x => x.SubDistrictCode);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public FeeDisputeStage Stage { get; set; }
    public string StageLabel => Stage.Label();
    public DisputeRaiser RaisedBy { get; set; }
    public string PropertyCompanyCode { get; set; } = "";
    public string CompoundCode { get; set; } = "";
    public string CompoundName { get; set; } = "";
    public string CommunityCode { get; set; } = "";
    public string SubDistrictCode { get; set; } = "";
    public string Unit { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public string OwnerPhone { get; set; } = "";
    public BillingPeriod Period { get; set; } = new(default, default);
    public decimal AmountOwed { get; set; }
    public decimal Outstanding { get; set; }
    public decimal Paid { get; set; }
    public decimal Waived { get; set; }
    public List<OwnerReason> Reasons { get; set; } = [];
    public List<Guid> DefectComplaints { get; set; } = [];
    public List<Guid> ResolvedDefectComplaints { get; set; } = [];
    public Subsidy Subsidy { get; set; }
    public string? Statement { get; set; }
    public DateOnly? DemandPayBy { get; set; }
    public Guid? MediationCaseId { get; set; }
    public string? MediationNumber { get; set; }
    public MediationResult? MediationResult { get; set; }
    public PlanView? Plan { get; set; }
    public int Defaults { get; set; }
    public bool CreditReferred { get; set; }
    public string? Court { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<string> Waivers { get; set; } = [];

    /// <summary>The owner's service-defect complaints all resolved: the reason behind the refusal may be gone.</summary>
    public bool DefectsResolved => DefectComplaints.Count > 0 && DefectComplaints.All(ResolvedDefectComplaints.Contains);

    public sealed class PlanView
    {
        public int Plan { get; set; }
        public decimal SettledAmount { get; set; }
        public int GraceDays { get; set; }
        public List<InstalmentView> Instalments { get; set; } = [];
        public bool Defaulted { get; set; }
        public bool Completed { get; set; }
    }

    public sealed record InstalmentView(int Number, decimal Amount, DateOnly DueOn, bool Paid, bool Missed, DateOnly? GraceEndsOn);

    /// <summary>The owner's name and phone.</summary>
    public IEnumerable<PersonalDatum> PersonalData() =>
        [PersonalDatum.Name("owner.name", OwnerName), PersonalDatum.Phone("owner.phone", OwnerPhone)];

    /// <summary>The owner's name and phone masked: how every answer shows them.</summary>
    public FeeDisputeDetails Masked(Keyring keys)
    {
        var copy = (FeeDisputeDetails)MemberwiseClone();
        (copy.OwnerName, copy.OwnerPhone) =
            (PersonalDatum.Of(PersonalDataKind.Name, keys.Open(OwnerName)), PersonalDatum.Of(PersonalDataKind.Phone, keys.Open(OwnerPhone)));
        return copy;
    }
}

public partial class FeeDisputeDetailsProjection : SingleStreamProjection<FeeDisputeDetails, Guid>
{
    /// <summary>The compound's name travels on the event; a dispute raised before it did shows the compound's code.</summary>
    public static FeeDisputeDetails Create(IEvent<FeeDisputeRaised> e) =>
        Touch(e, new FeeDisputeDetails
        {
            Id = e.Data.FeeDisputeId, Number = e.Data.Number, Stage = FeeDisputeStage.Open, RaisedBy = e.Data.RaisedBy,
            PropertyCompanyCode = e.Data.PropertyCompanyCode, CompoundCode = e.Data.CompoundCode,
            CompoundName = e.Data.CompoundName ?? e.Data.CompoundCode, CommunityCode = e.Data.CommunityCode,
            SubDistrictCode = e.Data.SubDistrictCode, Unit = e.Data.Unit, OwnerName = e.Data.OwnerName,
            OwnerPhone = e.Data.OwnerPhone, Period = e.Data.Period, AmountOwed = e.Data.AmountOwed,
            Outstanding = e.Data.AmountOwed, RaisedAt = e.Data.At,
        });

    public static FeeDisputeDetails Apply(IEvent<OwnerReasonsRecorded> e, FeeDisputeDetails d)
    {
        (d.Reasons, d.DefectComplaints, d.Subsidy, d.Statement) =
            (e.Data.Reasons.ToList(), e.Data.DefectComplaints.ToList(), e.Data.Subsidy, e.Data.Statement);
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<DemandIssued> e, FeeDisputeDetails d)
    {
        d.DemandPayBy = e.Data.PayBy;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<FeePaid> e, FeeDisputeDetails d)
    {
        (d.Paid, d.Outstanding) = (d.Paid + e.Data.Amount, e.Data.Outstanding);
        if (d.Outstanding == 0) d.Stage = FeeDisputeStage.Settled;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<WaiverGranted> e, FeeDisputeDetails d)
    {
        (d.Waived, d.Outstanding) = (d.Waived + e.Data.Waived, e.Data.Outstanding);
        d.Waivers.Add($"{e.Data.Waived:0.00}: {e.Data.Reason}");
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<PaymentPlanAgreed> e, FeeDisputeDetails d)
    {
        d.Stage = FeeDisputeStage.PlanInProgress;
        d.Plan = new FeeDisputeDetails.PlanView
        {
            Plan = e.Data.Plan, SettledAmount = e.Data.SettledAmount, GraceDays = e.Data.GraceDays,
            Instalments = e.Data.Instalments.Select(i => new FeeDisputeDetails.InstalmentView(i.Number, i.Amount, i.DueOn, false, false, null)).ToList(),
        };
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<InstalmentPaid> e, FeeDisputeDetails d)
    {
        (d.Paid, d.Outstanding) = (d.Paid + e.Data.Amount, d.Outstanding - e.Data.Amount);
        ChangeInstalment(d, e.Data.Number, i => i with { Paid = true });
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<InstalmentMissed> e, FeeDisputeDetails d)
    {
        ChangeInstalment(d, e.Data.Number, i => i with { Missed = true, GraceEndsOn = e.Data.GraceEndsOn });
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<PaymentPlanDefaulted> e, FeeDisputeDetails d)
    {
        d.Stage = FeeDisputeStage.PlanDefaulted;
        d.Defaults++;
        if (d.Plan is not null) d.Plan.Defaulted = true;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<PaymentPlanCompleted> e, FeeDisputeDetails d)
    {
        d.Stage = FeeDisputeStage.Settled;
        if (d.Plan is not null) d.Plan.Completed = true;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<FeeDisputeReferredToMediation> e, FeeDisputeDetails d)
    {
        (d.Stage, d.MediationCaseId, d.MediationNumber, d.MediationResult) = (FeeDisputeStage.InMediation, e.Data.MediationCaseId, e.Data.MediationNumber, null);
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<FeeDisputeMediationEnded> e, FeeDisputeDetails d)
    {
        d.MediationResult = e.Data.Result;
        if (d.Stage == FeeDisputeStage.InMediation) d.Stage = FeeDisputeStage.Open;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<CreditReferralMade> e, FeeDisputeDetails d)
    {
        d.CreditReferred = true;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<CreditReferralWithdrawn> e, FeeDisputeDetails d)
    {
        d.CreditReferred = false;
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<FeeDisputeReferredToCourt> e, FeeDisputeDetails d)
    {
        (d.Stage, d.Court) = (FeeDisputeStage.InCourt, e.Data.Court);
        return Touch(e, d);
    }

    public static FeeDisputeDetails Apply(IEvent<DefectComplaintResolved> e, FeeDisputeDetails d)
    {
        if (!d.ResolvedDefectComplaints.Contains(e.Data.ComplaintId)) d.ResolvedDefectComplaints.Add(e.Data.ComplaintId);
        return Touch(e, d);
    }

    private static void ChangeInstalment(FeeDisputeDetails d, int number, Func<FeeDisputeDetails.InstalmentView, FeeDisputeDetails.InstalmentView> change)
    {
        var i = d.Plan?.Instalments.FindIndex(x => x.Number == number) ?? -1;
        if (i >= 0) d.Plan!.Instalments[i] = change(d.Plan.Instalments[i]);
    }

    private static FeeDisputeDetails Touch(IEvent e, FeeDisputeDetails d)
    {
        d.Version = e.Version;
        d.UpdatedAt = e.Timestamp;
        return d;
    }
}
