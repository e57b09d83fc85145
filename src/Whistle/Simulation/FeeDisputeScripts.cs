using System.Globalization;

namespace Whistle.Simulation;

/// <summary>
/// The day's property-fee disputes, and what becomes of each: the company's claim is registered by the clerk with the
/// owner's reasons; most go to the mediation centre (both parties consent, the centre accepts and appoints a mediator,
/// a session, then an agreement taken to the court for judicial confirmation, or a failure), some get a formal demand
/// and, after a failed mediation, a referral to the credit record.
/// </summary>
public static class FeeDisputeScripts
{
    /// <summary>About one dispute every working day at scale 1 (none on weekends: the companies file in office hours).</summary>
    public static int DisputesOn(DateOnly day, double scale, Random random) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : (int)Math.Round(random.Next(0, 3) * scale);

    public static void Plan(Simulator sim, DateOnly day, Random seeded)
    {
        var count = DisputesOn(day, sim.Plan.FeeDisputeScale, seeded);
        var served = sim.County.Compounds.Where(c => c.PropertyCompany is not null).ToList();
        for (var i = 0; i < count; i++)
        {
            var random = CountyMix.ForCase(sim.Plan.Seed, sim.NextCaseNumber());
            var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), SimulationPlan.CountyOffset)
                + random.Between(TimeSpan.FromHours(9), TimeSpan.FromHours(17));
            sim.At(at, new FeeDisputeCase(sim, random, served[random.Next(served.Count)]).Raise);
        }
    }
}

/// <summary>One fee dispute's script, and the mediation case it may start.</summary>
internal sealed class FeeDisputeCase(Simulator sim, Random random, SimCompound compound)
{
    private static readonly string[] Participants = ["业主", "物业公司代表"];

    private Guid _dispute;
    private Guid _mediation;
    private bool _demanded;
    private int _owed;

    private DateOnly Today => DateOnly.FromDateTime(sim.Now.ToOffset(SimulationPlan.CountyOffset).DateTime);
    private string Dispute(string action) => $"/api/fee-disputes/{_dispute}/{action}";
    private string Mediation(string action) => $"/api/mediation/cases/{_mediation}/{action}";
    private void Then(TimeSpan least, TimeSpan most, Func<Task> act) => sim.At(sim.Now + random.Between(least, most), act);
    private static TimeSpan Hours(int n) => TimeSpan.FromHours(n);
    private static TimeSpan Days(int n) => TimeSpan.FromDays(n);

    public async Task Raise()
    {
        var year = Today.Year - 1;
        var answer = await sim.Call(SimUser.Clerk, "raise fee dispute", "/api/fee-disputes", new
        {
            raisedBy = "Company",
            propertyCompanyCode = compound.PropertyCompany,
            compoundCode = compound.Code,
            unit = $"{random.Next(1, 30)}号楼{random.Next(1, 4)}单元{random.Next(1, 19)}0{random.Next(1, 5)}",
            owner = new { name = "业主" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture), phone = "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) },
            periodFrom = new DateOnly(year, 1, 1),
            periodTo = new DateOnly(year, 12, 31),
            amountOwed = _owed = random.Next(6, 30) * 200,
        });
        if (!answer.Ok) return;
        _dispute = answer.Id("id");
        sim.Ids.Add(_dispute);
        Then(Days(1), Days(3), Reasons);
    }

    private async Task Reasons()
    {
        var reasons = random.Next(3) switch { 0 => new[] { "ServiceDefect" }, 1 => ["ServiceDefect", "Vacancy"], _ => ["Price"] };
        if (!(await sim.Call(SimUser.Clerk, "record owner reasons", Dispute("reasons"), new { reasons, statement = "业主认为物业服务不到位。" })).Ok) return;
        switch (random.Next(100))
        {
            case < 60: Then(Days(1), Days(5), Refer); break;
            case < 85: Then(Days(1), Days(5), Demand); break;
            default: break;
        }
    }

    private async Task Demand()
    {
        _demanded = true;
        if ((await sim.Call(SimUser.Clerk, "issue demand", Dispute("demand"), new { amount = _owed, issuedOn = Today, payBy = Today.AddDays(15) })).Ok)
            Then(Days(16), Days(20), Refer);
    }

    private async Task Refer()
    {
        var answer = await sim.Call(SimUser.Clerk, "refer fee dispute to mediation", Dispute("mediation"), new { });
        if (!answer.Ok) return;
        _mediation = answer.Id("mediationCaseId");
        sim.Ids.Add(_mediation);
        Then(Hours(2), Days(2), Consent);
    }

    private async Task Consent()
    {
        if (!(await sim.Call(SimUser.Mediator, "record consent", Mediation("consent"), new { side = "Applicant", consents = true })).Ok) return;
        if (!(await sim.Call(SimUser.Mediator, "record consent", Mediation("consent"), new { side = "Respondent", consents = true })).Ok) return;
        Then(Hours(2), Days(1), Accept);
    }

    private async Task Accept()
    {
        if (!(await sim.Call(SimUser.Mediator, "accept mediation case", Mediation("accept"), new { })).Ok) return;
        await sim.Call(SimUser.Mediator, "assign mediator", Mediation("mediator"),
            new { mediatorId = SimUser.Mediator.Id, mediatorName = "模拟调解员", how = "Appointed" });
        Then(Days(2), Days(10), Session);
    }

    private async Task Session()
    {
        if (!(await sim.Call(SimUser.Mediator, "record mediation session", Mediation("sessions"),
                new { heldAt = sim.Now, participants = Participants, minutes = "双方陈述意见，调解员释明相关规定。" })).Ok) return;
        if (random.Next(100) < 70) Then(Hours(2), Days(2), Agree);
        else Then(Days(3), Days(12), Fail);
    }

    private async Task Agree()
    {
        if ((await sim.Call(SimUser.Mediator, "sign agreement", Mediation("agreement"), new
            {
                facts = "业主欠缴上年度物业费。",
                terms = "物业减免部分费用；业主分期缴纳其余费用。",
                performanceManner = "转账至物业公司账户",
                performanceDeadline = Today.AddDays(60),
            })).Ok && random.Next(100) < 60)
            Then(Days(1), Days(10), ApplyForConfirmation);
    }

    private async Task ApplyForConfirmation()
    {
        if ((await sim.Call(SimUser.Mediator, "apply for judicial confirmation", Mediation("judicial-confirmation"),
                new { court = "安澜县人民法院", applicantJoins = true, respondentJoins = true })).Ok)
            Then(Days(1), Days(3), CourtAccepts);
    }

    private async Task CourtAccepts()
    {
        if ((await sim.Call(SimUser.Mediator, "record court acceptance", Mediation("judicial-confirmation/acceptance"),
                new { acceptedOn = Today, courtCaseNumber = $"({Today.Year})安民调确 {random.Next(1, 999)} 号" })).Ok)
            Then(Days(3), Days(14), CourtRules);
    }

    private async Task CourtRules() =>
        await sim.Call(SimUser.Mediator, "record court ruling", Mediation("judicial-confirmation/ruling"), new { ruling = "Confirmed", ruledOn = Today });

    private async Task Fail()
    {
        if ((await sim.Call(SimUser.Mediator, "record mediation failure", Mediation("fail"), new { reason = "双方无法达成一致。" })).Ok && _demanded)
            Then(Days(1), Days(5), ReferToCredit);
    }

    private async Task ReferToCredit() =>
        await sim.Call(SimUser.Clerk, "refer to credit record", Dispute("credit-referral"), new { basis = "催告期满且调解不成，仍拒不缴纳物业费" });
}
