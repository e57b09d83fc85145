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
/// The parties sign the mediation agreement (调解协议, Art. 28–29): the facts and each side's responsibility, the
/// agreed terms, and the manner and deadline of performance. It takes effect on signing and ends the mediation. The
/// judicial-confirmation window's day-20 reminder and its close after day 30 (or the next working day, when day 30 is
/// a rest day) are scheduled now, never cancelled.
/// </summary>
[ExampleBody("""{"facts": "业主欠缴 2025 年物业费 2400 元；电梯停运三个月未修。", "terms": "物业减免 400 元；业主分两期缴纳 2000 元。", "performanceManner": "分两期转账至物业公司账户", "performanceDeadline": "2026-05-15"}""")]
public sealed record SignAgreement(
    [BodyLimit(MaxLength = SignAgreementEndpoint.MaxFacts)] string? Facts, [BodyLimit(MaxLength = SignAgreementEndpoint.MaxFacts)] string? Terms, string? PerformanceManner, DateOnly? PerformanceDeadline, long? ExpectedVersion = null);

public static class SignAgreementEndpoint
{
    /// <summary>The longest facts, and the longest terms, an agreement records.</summary>
    public const int MaxFacts = 5000;

    // The county's calendar in force is read here and handed to the decision, so the decision stays pure.
    public static async Task<WorkingCalendar> LoadAsync(IQuerySession session, CancellationToken ct) =>
        (await CountyCalendar.CurrentAsync(session, ct)).ToWorkingCalendar();

    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(SignAgreement command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(SignAgreement command, MediationCase mediation, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        var errors = new FieldErrors()
            .Text("facts", command.Facts, MaxFacts)
            .Text("terms", command.Terms, MaxFacts)
            .Text("performanceManner", command.PerformanceManner, 1000)
            .When(command.PerformanceDeadline is null, "performanceDeadline",
                "必填：调解协议须载明履行期限（《人民调解法》第二十九条）。Required: the agreement must state the deadline of performance (Art. 29).")
            .When(command.PerformanceDeadline < MediationTimes.Day(now), "performanceDeadline",
                "履行期限不能早于签订日。The deadline of performance cannot be before the signing day.");
        if (errors.Any) return errors.ToProblem();
        if (MediationRules.InMediation(mediation, "签订调解协议", "sign an agreement") is { } problem) return problem;
        if (mediation.MediatorId is null)
            return Problems.Conflict($"调解案件 {mediation.Number} 尚未确定调解员。", $"Mediation case {mediation.Number} has no mediator to sign the agreement.");
        return mediation.Sessions > 0
            ? Problems.None
            : Problems.Conflict($"调解案件 {mediation.Number} 尚无调解记录。", $"Mediation case {mediation.Number} has no session on record yet.");
    }

    [EndpointSummary("签订调解协议 Sign the agreement")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/agreement", OperationId = nameof(SignAgreement))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events, OutgoingMessages) Post(
        SignAgreement command, [WriteAggregate] MediationCase mediation, WorkingCalendar calendar, ClaimsPrincipal user,
        DateTimeOffset now) =>
        Sign(command, mediation, calendar, Actor.From(user), now);

    /// <summary>The decision: the agreement, the confirmation window's two deadlines, and the fee dispute's outcome if it referred the case.</summary>
    public static (MediationCaseAnswer, Events, OutgoingMessages) Sign(
        SignAgreement command, MediationCase mediation, WorkingCalendar calendar, Actor by, DateTimeOffset now)
    {
        var lastDay = MediationTimes.ConfirmationLastDay(now, calendar);
        var closesAt = MediationTimes.EndOf(lastDay);
        var messages = MediationRules.Outcome(mediation, MediationResult.AgreementSigned, by, now);
        messages.Add(new JudicialConfirmationReminderDue(mediation.Id, closesAt).ScheduledAt(MediationTimes.ConfirmationReminderAt(now)));
        messages.Add(new JudicialConfirmationWindowElapsed(mediation.Id, closesAt).ScheduledAt(closesAt));
        return MediationCaseAnswer.With(mediation,
            [new AgreementSigned(mediation.Id, mediation.Parties, command.Facts!.Trim(), command.Terms!.Trim(),
                command.PerformanceManner!.Trim(), command.PerformanceDeadline!.Value, lastDay, by, now, mediation.PropertyCompanyCode)],
            messages);
    }
}
