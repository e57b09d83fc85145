using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

public sealed record InstalmentInput(decimal? Amount, DateOnly? DueOn);

/// <summary>
/// Settles by instalments (分期): their sum is the amount settled, which is all that is outstanding (a reduction is a
/// waiver first). Each instalment's due day is watched: missed, the owner is reminded; after the grace days, the plan defaults.
/// </summary>
[ExampleBody("""{"settledAmount": 2000, "instalments": [{"amount": 1000, "dueOn": "2026-04-15"}, {"amount": 1000, "dueOn": "2026-05-15"}], "graceDays": 10}""")]
public sealed record AgreePaymentPlan(
    decimal? SettledAmount, IReadOnlyList<InstalmentInput>? Instalments, int? GraceDays = null, long? ExpectedVersion = null);

public static class AgreePaymentPlanEndpoint
{
    public const int MaxInstalments = 36, DefaultGraceDays = 15, MaxGraceDays = 90;

    public static ProblemDetails Validate(AgreePaymentPlan command, FeeDispute dispute, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, dispute, user, clock.GetUtcNow());

    public static ProblemDetails Check(AgreePaymentPlan command, FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var instalments = command.Instalments ?? [];
        var today = FeeDisputeRules.Today(now);
        var errors = new FieldErrors()
            .Money("settledAmount", command.SettledAmount)
            .When(command.SettledAmount is { } settled && settled != dispute.Outstanding, "settledAmount",
                $"分期总额须等于欠费 {dispute.Outstanding:0.00}；如需减免请先登记减免。The plan settles the {dispute.Outstanding:0.00} outstanding; record a waiver first for any reduction.")
            .When(instalments.Count is < 2 or > MaxInstalments, "instalments", $"分 2 到 {MaxInstalments} 期。2 to {MaxInstalments} instalments.")
            .When(command.GraceDays is < 1 or > MaxGraceDays, "graceDays", $"宽限期 1 到 {MaxGraceDays} 天。1 to {MaxGraceDays} days.");
        for (var i = 0; i < instalments.Count; i++)
        {
            errors.Money($"instalments[{i}].amount", instalments[i].Amount)
                .When(instalments[i].DueOn is null, $"instalments[{i}].dueOn", "必填。Required.")
                .When(instalments[i].DueOn < today, $"instalments[{i}].dueOn", "不能早于今天。Not before today.")
                .When(i > 0 && instalments[i].DueOn <= instalments[i - 1].DueOn, $"instalments[{i}].dueOn",
                    "各期应依次到期。Each instalment falls due after the one before.");
        }
        var sum = instalments.Sum(i => i.Amount ?? 0);
        errors.When(command.SettledAmount is { } total && instalments.Count > 0 && sum != total, "instalments",
            $"各期合计 {sum:0.00} 与和解金额 {command.SettledAmount:0.00} 不一致。The instalments add up to {sum:0.00}, not {command.SettledAmount:0.00}.");
        if (errors.Any) return errors.ToProblem();
        return FeeDisputeRules.WhilePlanRuns(dispute, "另订分期", "take a second plan") ?? Problems.None;
    }

    [EndpointSummary("约定分期缴费 Agree a payment plan")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/payment-plan", OperationId = nameof(AgreePaymentPlan))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events, OutgoingMessages) Post(
        AgreePaymentPlan command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        var plan = dispute.Plan + 1;
        var instalments = command.Instalments!.Select((i, n) => new Instalment(n + 1, i.Amount!.Value, i.DueOn!.Value)).ToList();
        var messages = new OutgoingMessages();
        foreach (var instalment in instalments)
            messages.Add(new InstalmentDue(dispute.Id, plan, instalment.Number, instalment.DueOn).ScheduledAt(FeeDisputeRules.EndOf(instalment.DueOn)));
        Events events =
            [new PaymentPlanAgreed(dispute.Id, plan, command.SettledAmount!.Value, instalments, command.GraceDays ?? DefaultGraceDays, Actor.From(user), now)];
        return (FeeDisputeAnswer.After(dispute, events), events, messages);
    }
}
