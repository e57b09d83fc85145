using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Records the court's ruling on judicial confirmation: confirmed (the agreement is enforceable) or invalid (the
/// parties may mediate again or sue). Due within 15 days of acceptance, 25 when the court president extended it.
/// </summary>
[ExampleBody("""{"ruling": "Confirmed", "ruledOn": "2026-03-16"}""")]
public sealed record RecordCourtRuling(
    JudicialRuling? Ruling, DateOnly? RuledOn, bool Extended = false, string? Note = null, long? ExpectedVersion = null);

public static class RecordCourtRulingEndpoint
{
    public static readonly CourtStep Step = new(
        "ruledOn",
        mediation => mediation.CourtAcceptedOn,
        mediation => Problems.Conflict($"法院尚未受理调解案件 {mediation.Number} 的司法确认申请。",
            $"The court has not accepted an application for case {mediation.Number}."),
        mediation => mediation.Ruling is { } ruling ? Problems.Conflict("法院已作出裁定。", $"The court has already ruled: {ruling}.") : null,
        acceptedOn => $"裁定日不能早于受理日 {MediationRules.Show(acceptedOn)}。The ruling cannot precede the acceptance.",
        "裁定日不能晚于今天。The ruling day cannot be in the future.");

    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(RecordCourtRuling command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(RecordCourtRuling command, MediationCase mediation, DateTimeOffset now) =>
        Step.Check(mediation, command.ExpectedVersion, command.RuledOn, now,
            errors => errors.Defined("ruling", command.Ruling).Text("note", command.Note, 1000, required: false));

    [EndpointSummary("登记法院裁定 Record the court's ruling")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/judicial-confirmation/ruling", OperationId = nameof(RecordCourtRuling))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events) Post(
        RecordCourtRuling command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        MediationCaseAnswer.With(mediation, [Rule(command, mediation, Actor.From(user), now)]);

    /// <summary>The decision: the ruling, the day it was due (extended or not), and whether the court was late.</summary>
    public static JudicialConfirmationRuled Rule(RecordCourtRuling command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var dueOn = MediationTimes.RulingDueOn(mediation.CourtAcceptedOn!.Value, command.Extended);
        var ruledOn = command.RuledOn!.Value;
        return new JudicialConfirmationRuled(mediation.Id, command.Ruling!.Value, ruledOn, command.Extended, dueOn,
            CourtStep.Late(ruledOn, dueOn), CourtStep.Trimmed(command.Note), by, now);
    }
}
