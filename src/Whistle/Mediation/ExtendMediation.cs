using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Both parties agree to continue mediating beyond the limit (延长调解期限): it moves to the end of the new end date.
/// The previous limit's message becomes stale; the new one is scheduled.
/// </summary>
[ExampleBody("""{"newEndDate": "2026-05-15", "applicantConsents": true, "respondentConsents": true, "reason": "双方同意等待维修报价后再谈。"}""")]
public sealed record ExtendMediation(
    DateOnly? NewEndDate, bool? ApplicantConsents, bool? RespondentConsents, string? Reason = null, long? ExpectedVersion = null);

public static class ExtendMediationEndpoint
{
    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(ExtendMediation command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(ExtendMediation command, MediationCase mediation, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        const string bothMust = "延长调解期限须经双方当事人同意。Both parties must consent to an extension.";
        var errors = new FieldErrors()
            .When(command.NewEndDate is null, "newEndDate", "必填。Required.")
            .When(command.ApplicantConsents != true, "applicantConsents", bothMust)
            .When(command.RespondentConsents != true, "respondentConsents", bothMust)
            .Text("reason", command.Reason, 1000, required: false);
        if (errors.Any) return errors.ToProblem();
        if (MediationRules.InMediation(mediation, "延长调解期限", "be extended") is { } problem) return problem;
        var current = mediation.LimitLastDay!.Value;
        return new FieldErrors()
            .When(command.NewEndDate <= current, "newEndDate",
                $"新的期限须晚于当前期限 {MediationRules.Show(current)}。The new end date must be after the current one, {MediationRules.Show(current)}.")
            .When(command.NewEndDate < MediationTimes.Day(now), "newEndDate",
                "新的期限不能早于今天。The new end date cannot be in the past.")
            .ToProblem();
    }

    [EndpointSummary("延长调解期限 Extend a mediation")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/extend", OperationId = nameof(ExtendMediation))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events, OutgoingMessages) Post(
        ExtendMediation command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        Extend(command, mediation, Actor.From(user), now);

    /// <summary>The decision: the limit moved with both consents recorded, and the new limit's passing scheduled.</summary>
    public static (MediationCaseAnswer, Events, OutgoingMessages) Extend(
        ExtendMediation command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var newLastDay = command.NewEndDate!.Value;
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        return MediationCaseAnswer.With(mediation,
            [new MediationExtended(mediation.Id, mediation.LimitLastDay!.Value, newLastDay, [PartySide.Applicant, PartySide.Respondent],
                reason, by, now)],
            [MediationMonthElapsedHandler.Schedule(mediation.Id, newLastDay)]);
    }
}
