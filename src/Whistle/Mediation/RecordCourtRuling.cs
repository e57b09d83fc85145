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
public sealed record RecordCourtRuling(
    JudicialRuling? Ruling, DateOnly? RuledOn, bool Extended = false, string? Note = null, long? ExpectedVersion = null);

public static class RecordCourtRulingEndpoint
{
    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(RecordCourtRuling command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(RecordCourtRuling command, MediationCase mediation, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        if (mediation.CourtAcceptedOn is not { } acceptedOn)
            return Problems.Conflict($"法院尚未受理调解案件 {mediation.Number} 的司法确认申请。",
                $"The court has not accepted an application for case {mediation.Number}.");
        if (mediation.Ruling is { } ruling)
            return Problems.Conflict("法院已作出裁定。", $"The court has already ruled: {ruling}.");
        return new FieldErrors()
            .Defined("ruling", command.Ruling)
            .When(command.RuledOn is null, "ruledOn", "必填。Required.")
            .When(command.RuledOn < acceptedOn, "ruledOn",
                $"裁定日不能早于受理日 {MediationRules.Show(acceptedOn)}。The ruling cannot precede the acceptance.")
            .When(command.RuledOn > MediationTimes.Day(now), "ruledOn", "裁定日不能晚于今天。The ruling day cannot be in the future.")
            .Text("note", command.Note, 1000, required: false)
            .ToProblem();
    }

    [WolverinePost("/api/mediation/cases/{mediationCaseId}/judicial-confirmation/ruling", OperationId = nameof(RecordCourtRuling))]
    [Authorize(Roles = MediationRules.Handlers)]
    public static (UpdatedAggregate, Events) Post(
        RecordCourtRuling command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        (new UpdatedAggregate(), [Rule(command, mediation, Actor.From(user), now)]);

    /// <summary>The decision: the ruling, the day it was due (extended or not), and whether the court was late.</summary>
    public static JudicialConfirmationRuled Rule(RecordCourtRuling command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var dueOn = MediationTimes.RulingDueOn(mediation.CourtAcceptedOn!.Value, command.Extended);
        var ruledOn = command.RuledOn!.Value;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        return new JudicialConfirmationRuled(mediation.Id, command.Ruling!.Value, ruledOn, command.Extended, dueOn, ruledOn > dueOn, note, by, now);
    }
}
