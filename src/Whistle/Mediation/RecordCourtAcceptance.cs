using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Records that the court accepted the application for judicial confirmation, with its 调确字 number. It was due within
/// 3 days of the application; the ruling is then due within 15 days of acceptance.
/// </summary>
[ExampleBody("""{"acceptedOn": "2026-03-16", "courtCaseNumber": "(2026)安民调确 88 号"}""")]
public sealed record RecordCourtAcceptance(DateOnly? AcceptedOn, string? CourtCaseNumber = null, long? ExpectedVersion = null);

public static class RecordCourtAcceptanceEndpoint
{
    public static readonly CourtStep Step = new(
        "acceptedOn",
        mediation => mediation.ConfirmationAppliedOn,
        mediation => Problems.Conflict($"调解案件 {mediation.Number} 尚未申请司法确认。",
            $"Mediation case {mediation.Number} has no application for judicial confirmation."),
        mediation => mediation.CourtAcceptedOn is { } acceptedOn
            ? Problems.Conflict($"法院已于 {MediationRules.Show(acceptedOn)} 受理。",
                $"The court already accepted the application on {MediationRules.Show(acceptedOn)}.")
            : null,
        appliedOn => $"受理日不能早于申请日 {MediationRules.Show(appliedOn)}。The court cannot accept before the application day.",
        "受理日不能晚于今天。The acceptance day cannot be in the future.");

    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(RecordCourtAcceptance command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(RecordCourtAcceptance command, MediationCase mediation, DateTimeOffset now) =>
        Step.Check(mediation, command.ExpectedVersion, command.AcceptedOn, now,
            errors => errors.Text("courtCaseNumber", command.CourtCaseNumber, 64, required: false));

    [EndpointSummary("登记法院受理 Record the court's acceptance")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/judicial-confirmation/acceptance", OperationId = nameof(RecordCourtAcceptance))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events) Post(
        RecordCourtAcceptance command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        MediationCaseAnswer.With(mediation, [Accept(command, mediation, Actor.From(user), now)]);

    /// <summary>The decision: accepted on that day, late or not, with the day the ruling is due.</summary>
    public static JudicialConfirmationAccepted Accept(RecordCourtAcceptance command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var acceptedOn = command.AcceptedOn!.Value;
        var dueOn = MediationTimes.AcceptanceDueOn(mediation.ConfirmationAppliedOn!.Value);
        return new JudicialConfirmationAccepted(mediation.Id, acceptedOn, CourtStep.Trimmed(command.CourtCaseNumber), dueOn,
            CourtStep.Late(acceptedOn, dueOn), MediationTimes.RulingDueOn(acceptedOn, extended: false), by, now);
    }
}
