using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Calendar;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Accepts a case both parties consented to (受理). Mediation is to settle within one month, ending with the next
/// working day when the month's last day is a rest day; the limit's passing is scheduled now and never cancelled.
/// </summary>
[ExampleBody("""{"expectedVersion": 1}""")]
public sealed record AcceptMediationCase(long? ExpectedVersion = null);

public static class AcceptMediationCaseEndpoint
{
    // The county's calendar in force is read here and handed to the decision, so the decision stays pure.
    public static async Task<WorkingCalendar> LoadAsync(IQuerySession session, CancellationToken ct) =>
        (await CountyCalendar.CurrentAsync(session, ct)).ToWorkingCalendar();

    public static ProblemDetails Validate(AcceptMediationCase command, MediationCase mediation)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        return mediation.Status switch
        {
            MediationStatus.Consented or MediationStatus.Accepted => Problems.None,
            MediationStatus.AwaitingConsent => Problems.Conflict(
                $"调解案件 {mediation.Number} 尚未取得双方当事人同意，不能受理。",
                $"Mediation case {mediation.Number} lacks both parties' consent; it cannot be accepted."),
            _ => MediationRules.NotAllowed(mediation, "受理", "be accepted"),
        };
    }

    [EndpointSummary("受理调解案件 Accept a mediation case")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/accept", OperationId = nameof(AcceptMediationCase))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events, OutgoingMessages) Post(
        AcceptMediationCase command, [WriteAggregate] MediationCase mediation, WorkingCalendar calendar, ClaimsPrincipal user,
        DateTimeOffset now) =>
        Accept(mediation, calendar, Actor.From(user), now);

    /// <summary>The decision: accepted with its one-month limit, and that limit's passing scheduled; nothing when already accepted.</summary>
    public static (MediationCaseAnswer, Events, OutgoingMessages) Accept(
        MediationCase mediation, WorkingCalendar calendar, Actor by, DateTimeOffset now)
    {
        if (mediation.Status == MediationStatus.Accepted) return MediationCaseAnswer.With(mediation, [], []);
        var lastDay = MediationTimes.LimitLastDay(now, calendar);
        return MediationCaseAnswer.With(mediation,
            [new MediationCaseAccepted(mediation.Id, lastDay, by, now)],
            [MediationMonthElapsedHandler.Schedule(mediation.Id, lastDay)]);
    }
}
