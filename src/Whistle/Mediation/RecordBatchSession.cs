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
/// Batch mediation (批量调解): one session over several cases against the same property company, grouped by the
/// owners' reason (vacant homes, service defects, price, hardship). The session is recorded on every case in one
/// transaction; each case keeps its own outcome.
/// </summary>
[ExampleBody("""{"caseIds": ["5c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f", "6d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"], "reason": "Vacancy", "heldAt": "2026-03-16T10:00:00+08:00", "participants": ["赵五", "钱六", "安澜县恒信物业服务有限公司 李经理"], "minutes": "空置房物业费按七成收取，双方同意。"}""")]
public sealed record RecordBatchSession(
    IReadOnlyList<Guid>? CaseIds, BatchReason? Reason, DateTimeOffset? HeldAt, IReadOnlyList<string>? Participants,
    [BodyLimit(MaxLength = MediationSessions.MaxMinutes)] string? Minutes, IReadOnlyList<InviteeInput>? Invited = null, DateTimeOffset? NextSessionAt = null);

/// <summary>The batch, and each case it was recorded on.</summary>
public sealed record BatchSessionRecorded(
    Guid BatchId, BatchReason Reason, string PropertyCompanyCode, IReadOnlyList<BatchSessionRecorded.CaseSession> Sessions)
{
    public sealed record CaseSession(Guid MediationCaseId, string Number);
}

/// <summary>
/// The cases of a batch, each as its write model stands when the batch is checked; null when no mediation case has
/// that id. Each session is appended expecting the version read here, so a case changed meanwhile aborts the batch.
/// </summary>
public sealed record BatchCases(IReadOnlyList<(Guid Id, MediationCase? Case)> Cases);

public static class RecordBatchSessionEndpoint
{
    public const int MaxCases = 50;

    public static async Task<BatchCases> LoadAsync(RecordBatchSession command, IDocumentSession session, CancellationToken ct)
    {
        var cases = new List<(Guid, MediationCase?)>();
        foreach (var id in (command.CaseIds ?? []).Where(id => id != Guid.Empty).Distinct().Take(MaxCases))
        {
            var mediation = await session.Events.FetchLatest<MediationCase>(id, ct);
            cases.Add((id, mediation is { } c && c.Id == id ? c : null));
        }
        return new BatchCases(cases);
    }

    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(RecordBatchSession command, BatchCases batch, TimeProvider clock) =>
        Check(command, batch.Cases, clock.GetUtcNow());

    public static ProblemDetails Check(RecordBatchSession command, IReadOnlyList<(Guid Id, MediationCase? Case)> cases, DateTimeOffset now)
    {
        var ids = command.CaseIds ?? [];
        var errors = MediationSessions.Check(new FieldErrors(), command.HeldAt, command.Participants, command.Invited,
                command.Minutes, command.NextSessionAt, now)
            .Defined("reason", command.Reason)
            .When(ids.Count < 2, "caseIds", "批量调解至少两件案件。A batch needs at least two cases.")
            .When(ids.Count > MaxCases, "caseIds", $"一批至多 {MaxCases} 件。At most {MaxCases} cases.")
            .When(ids.Distinct().Count() != ids.Count, "caseIds", "案件重复。A case appears twice.");
        foreach (var (id, _) in cases.Where(c => c.Case is null))
            errors.Add("caseIds", $"没有调解案件 {id}。No mediation case {id}.");
        var known = cases.Where(c => c.Case is not null).Select(c => c.Case!).ToList();
        var companies = known.Select(c => c.PropertyCompanyCode).Distinct().ToList();
        errors.When(known.Count > 0 && (companies.Count > 1 || companies[0] is null), "caseIds",
            $"批量调解的案件须属同一物业服务企业（现为 {string.Join("、", companies.Select(c => c ?? "无"))}）。"
            + "The cases of a batch must concern one and the same property company.");
        if (errors.Any) return errors.ToProblem();

        foreach (var mediation in known)
        {
            if (MediationRules.InMediation(mediation, "参加批量调解", "join a batch session") is { } problem) return problem;
            errors.When(MediationSessions.BeforeAcceptance(mediation, command.HeldAt!.Value), "heldAt",
                $"调解时间早于案件 {mediation.Number} 的受理日。The session is dated before case {mediation.Number} was accepted.");
        }
        return errors.ToProblem();
    }

    [EndpointSummary("登记批量调解 Record a batch session")]
    [WolverinePost("/api/mediation/batch-sessions", OperationId = nameof(RecordBatchSession))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (BatchSessionRecorded, IEnumerable<IMartenOp>) Post(
        RecordBatchSession command, BatchCases batch, ClaimsPrincipal user, DateTimeOffset now, IDocumentSession session, PersonalDataVault vault)
    {
        var cases = batch.Cases.Select(c => c.Case!).ToList();
        var by = Actor.From(user);
        // One set of people for every case of the batch: each sealed once, so erasing any of the cases erases them.
        var (participants, invited) = MediationSealing.Sealed(
            command.Participants, command.Invited, MediationSealing.Official(cases.SelectMany(c => c.Parties), by), vault.SealerFor(session));
        var (recorded, sessions) = Hold(command with { Participants = participants, Invited = invited }, cases, Guid.CreateVersion7(now), by, now);
        return (recorded, Appends(cases, sessions));
    }

    /// <summary>
    /// Each case's session, appended in the one transaction Wolverine commits, expecting the case at the version the
    /// batch was checked against (Marten's expected version counts the appended event).
    /// </summary>
    public static IEnumerable<IMartenOp> Appends(IReadOnlyList<MediationCase> cases, IReadOnlyList<MediationSessionHeld> sessions) =>
        [.. cases.Select(c => MartenOps.Append(c.Id, c.Version + 1, sessions.Single(s => s.MediationCaseId == c.Id)))];

    /// <summary>The decision: one session, recorded on each case under the batch's id (the session's id too).</summary>
    public static (BatchSessionRecorded, IReadOnlyList<MediationSessionHeld>) Hold(
        RecordBatchSession command, IReadOnlyList<MediationCase> cases, Guid batchId, Actor by, DateTimeOffset now)
    {
        var reason = command.Reason!.Value;
        var sessions = cases.Select(c => MediationSessions.Held(
                c.Id, batchId, command.HeldAt!.Value, command.Participants!, command.Invited, command.Minutes!,
                command.NextSessionAt, batchId, reason, by, now))
            .ToList();
        var recorded = new BatchSessionRecorded(batchId, reason, cases[0].PropertyCompanyCode!,
            cases.Select(c => new BatchSessionRecorded.CaseSession(c.Id, c.Number)).ToList());
        return (recorded, sessions);
    }
}
