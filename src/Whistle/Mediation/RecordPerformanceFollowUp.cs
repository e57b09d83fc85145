using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// The performance follow-up (回访, Art. 31): the agreement was performed, which closes the case; or it was breached
/// once its deadline passed, and the parties are referred to the court — for enforcement of a confirmed agreement, or
/// a suit over performance (Art. 32).
/// </summary>
[ExampleBody("""{"result": "Performed", "note": "两期均已按时缴纳。"}""")]
public sealed record RecordPerformanceFollowUp(PerformanceResult? Result, string? Note = null, long? ExpectedVersion = null);

public static class RecordPerformanceFollowUpEndpoint
{
    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(RecordPerformanceFollowUp command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(RecordPerformanceFollowUp command, MediationCase mediation, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        var errors = new FieldErrors()
            .Defined("result", command.Result)
            .Text("note", command.Note, 1000, required: command.Result == PerformanceResult.Breached);
        if (errors.Any) return errors.ToProblem();
        if (mediation.Status != MediationStatus.AgreementSigned) return MediationRules.NotAllowed(mediation, "回访履行情况", "be followed up");
        var deadline = mediation.PerformanceDeadline!.Value;
        return command.Result == PerformanceResult.Breached && MediationTimes.Day(now) <= deadline
            ? Problems.Conflict(
                $"履行期限 {MediationRules.Show(deadline)} 尚未届满，不能认定未履行。",
                $"The deadline of performance, {MediationRules.Show(deadline)}, has not passed: the agreement cannot be breached yet.")
            : Problems.None;
    }

    [EndpointSummary("登记履行回访 Record a performance follow-up")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/follow-up", OperationId = nameof(RecordPerformanceFollowUp))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events) Post(
        RecordPerformanceFollowUp command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        MediationCaseAnswer.With(mediation, FollowUp(command, mediation, Actor.From(user), now));

    /// <summary>The decision: the follow-up, and on a breach the referral to the court.</summary>
    public static Events FollowUp(RecordPerformanceFollowUp command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        Events events = [new PerformanceFollowedUp(mediation.Id, command.Result!.Value, note, by, now, mediation.PropertyCompanyCode)];
        if (command.Result == PerformanceResult.Breached)
        {
            var confirmed = mediation.Ruling == JudicialRuling.Confirmed;
            events.Add(new CourtEnforcementReferred(
                mediation.Id, confirmed, confirmed ? MediationRules.EnforcementNotice : MediationRules.LawsuitNotice, by, now));
        }
        return events;
    }
}
