using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Records whether a party agrees to be mediated (Art. 17). A refusal ends the case, not mediated, with the notice of
/// the other routes; once both have consented the case can be accepted.
/// </summary>
[ExampleBody("""{"side": "Applicant", "consents": true}""")]
public sealed record RecordConsent(PartySide? Side, bool? Consents, string? Reason = null, long? ExpectedVersion = null);

public static class RecordConsentEndpoint
{
    public static ProblemDetails Validate(RecordConsent command, MediationCase mediation)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        var errors = new FieldErrors()
            .Defined("side", command.Side)
            .When(command.Consents is null, "consents", "必填：同意为 true，拒绝为 false。Required: true to consent, false to refuse.")
            .Text("reason", command.Reason, 1000, required: false);
        if (errors.Any) return errors.ToProblem();
        if (mediation.Status is MediationStatus.AwaitingConsent or MediationStatus.Consented) return Problems.None;
        return command.Consents == true && mediation.Consented.Contains(command.Side!.Value) && !mediation.MediationEnded
            ? Problems.None
            : MediationRules.NotAllowed(mediation, "再记录当事人意愿", "take a party's consent any more");
    }

    [EndpointSummary("登记当事人同意调解 Record a party's consent")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/consent", OperationId = nameof(RecordConsent))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events, OutgoingMessages) Post(
        RecordConsent command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        Decide(command, mediation, Actor.From(user), now);

    /// <summary>The decision: a consent given once (repeating it appends nothing), or a refusal that ends the case.</summary>
    public static (MediationCaseAnswer, Events, OutgoingMessages) Decide(
        RecordConsent command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var side = command.Side!.Value;
        if (command.Consents == true)
            return MediationCaseAnswer.With(mediation, mediation.Consented.Contains(side) ? [] : [new ConsentGiven(mediation.Id, side, by, now)], []);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        return MediationCaseAnswer.With(mediation,
            [new ConsentRefused(mediation.Id, side, reason, MediationRules.NotMediatedNotice, by, now)],
            MediationRules.Outcome(mediation, MediationResult.NotMediated, by, now));
    }
}
