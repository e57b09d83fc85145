using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Both parties apply jointly to the court for judicial confirmation of their agreement (司法确认, Art. 33), within 30
/// days of its taking effect. The court is to decide within 3 days whether to accept (法释〔2011〕5号 Art. 4).
/// </summary>
[ExampleBody("""{"court": "安澜县人民法院", "applicantJoins": true, "respondentJoins": true}""")]
public sealed record ApplyForJudicialConfirmation(
    string? Court, bool? ApplicantJoins, bool? RespondentJoins, long? ExpectedVersion = null);

public static class ApplyForJudicialConfirmationEndpoint
{
    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(ApplyForJudicialConfirmation command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(ApplyForJudicialConfirmation command, MediationCase mediation, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        const string jointly = "司法确认须由双方当事人共同申请。Both parties must apply jointly.";
        var errors = new FieldErrors()
            .Text("court", command.Court, 100)
            .When(command.ApplicantJoins != true, "applicantJoins", jointly)
            .When(command.RespondentJoins != true, "respondentJoins", jointly);
        if (errors.Any) return errors.ToProblem();
        if (mediation.ConfirmationLastDay is not { } lastDay)
            return MediationRules.NotAllowed(mediation, "申请司法确认（尚无调解协议）", "go to judicial confirmation without an agreement");
        if (mediation.ConfirmationAppliedOn is { } appliedOn)
            return Problems.Conflict($"已于 {MediationRules.Show(appliedOn)} 申请司法确认。",
                $"Judicial confirmation was already applied for on {MediationRules.Show(appliedOn)}.");
        if (mediation.Status is not (MediationStatus.AgreementSigned or MediationStatus.Performed or MediationStatus.Breached))
            return MediationRules.NotAllowed(mediation, "申请司法确认", "go to judicial confirmation");
        return now < MediationTimes.EndOf(lastDay)
            ? Problems.None
            : Problems.Conflict(
                $"申请司法确认的期限已于 {MediationRules.Show(lastDay)}（北京时间）届满：须自调解协议生效之日起三十日内申请。",
                $"The window for judicial confirmation closed at the end of {MediationRules.Show(lastDay)} (China time): "
                + "the parties must apply within 30 days of the agreement taking effect.");
    }

    [EndpointSummary("申请司法确认 Apply for judicial confirmation")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/judicial-confirmation", OperationId = nameof(ApplyForJudicialConfirmation))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events) Post(
        ApplyForJudicialConfirmation command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        MediationCaseAnswer.With(mediation, [Apply(command, mediation, Actor.From(user), now)]);

    /// <summary>The decision: applied today, with the day by which the court is to decide on accepting.</summary>
    public static JudicialConfirmationApplied Apply(
        ApplyForJudicialConfirmation command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var today = MediationTimes.Day(now);
        return new JudicialConfirmationApplied(mediation.Id, command.Court!.Trim(), today, MediationTimes.AcceptanceDueOn(today), by, now);
    }
}
