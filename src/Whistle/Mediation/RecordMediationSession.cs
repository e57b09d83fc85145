using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Records a mediation session: when, who took part, the neighbours, relatives or experts invited (Art. 20), the
/// minutes (Art. 27), and optionally when the next session is. Only a case both parties consented to and the centre
/// accepted is mediated.
/// </summary>
[ExampleBody("""{"heldAt": "2026-03-16T10:00:00+08:00", "participants": ["赵五", "安澜县恒信物业服务有限公司 李经理"], "minutes": "物业承认电梯停运三个月；业主同意缴纳其余费用。"}""")]
public sealed record RecordMediationSession(
    DateTimeOffset? HeldAt, IReadOnlyList<string>? Participants, [BodyLimit(MaxLength = MediationSessions.MaxMinutes)] string? Minutes,
    IReadOnlyList<InviteeInput>? Invited = null, DateTimeOffset? NextSessionAt = null, long? ExpectedVersion = null);

public static class RecordMediationSessionEndpoint
{
    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(RecordMediationSession command, MediationCase mediation, TimeProvider clock) =>
        Check(command, mediation, clock.GetUtcNow());

    public static ProblemDetails Check(RecordMediationSession command, MediationCase mediation, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        if (MediationRules.InMediation(mediation, "调解", "hold a session") is { } problem) return problem;
        var errors = MediationSessions.Check(new FieldErrors(), command.HeldAt, command.Participants, command.Invited,
                command.Minutes, command.NextSessionAt, now)
            .When(command.HeldAt is { } heldAt && MediationSessions.BeforeAcceptance(mediation, heldAt), "heldAt",
                "调解时间不能早于受理日。A session cannot be dated before the case was accepted.");
        return errors.ToProblem();
    }

    [EndpointSummary("登记调解会 Record a mediation session")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/sessions", OperationId = nameof(RecordMediationSession))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events) Post(
        RecordMediationSession command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now,
        IDocumentSession session, PersonalDataVault vault)
    {
        var by = Actor.From(user);
        var (participants, invited) = MediationSealing.Sealed(
            command.Participants, command.Invited, MediationSealing.Official(mediation.Parties, by), vault.SealerFor(session));
        return MediationCaseAnswer.With(mediation, [Hold(command with { Participants = participants, Invited = invited }, mediation, Guid.CreateVersion7(now), by, now)]);
    }

    public static MediationSessionHeld Hold(
        RecordMediationSession command, MediationCase mediation, Guid sessionId, Actor by, DateTimeOffset now) =>
        MediationSessions.Held(mediation.Id, sessionId, command.HeldAt!.Value, command.Participants!, command.Invited,
            command.Minutes!, command.NextSessionAt, null, null, by, now);
}
