using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.Mediation;

/// <summary>
/// A mediator's docket: their open cases — in mediation, or an agreement waiting for
/// its confirmation and follow-up — the most pressing first; the parties' names and phones masked for every reader. Days are China-time
/// calendar days; a negative count is how far past its last day a date is.
/// </summary>
public sealed record MediationDocket(string? Mediator, DateTimeOffset AsOf, IReadOnlyList<MediationDocket.Item> Items)
{
    public sealed record Item(
        Guid MediationCaseId, string Number, MediationStatus Status, string StatusLabel, string Matter,
        IReadOnlyList<string> Parties, string? MediatorId, string? MediatorName,
        DateTimeOffset? NextSessionAt,
        DateOnly? LimitLastDay, int? LimitDaysLeft, bool Overdue,
        DateOnly? ConfirmationLastDay, int? ConfirmationDaysLeft, bool ConfirmationClosingSoon,
        DateOnly? CourtDueOn, bool CourtLate,
        DateOnly? PerformanceDeadline, bool FollowUpDue,
        DateOnly? NextDue);

    /// <summary>One case as the docket shows it at this moment.</summary>
    public static Item From(MediationCaseDetails d, DateTimeOffset now)
    {
        var inMediation = d.Status is MediationStatus.AwaitingConsent or MediationStatus.Consented or MediationStatus.Accepted;
        var limit = inMediation ? d.LimitLastDay : null;
        var c = d.Confirmation;
        var window = c is { AppliedOn: null } && MediationTimes.DaysLeft(c.WindowLastDay, now) >= 0 ? c.WindowLastDay : (DateOnly?)null;
        var windowDaysLeft = window is { } w ? MediationTimes.DaysLeft(w, now) : (int?)null;
        var courtDue = c switch
        {
            { AppliedOn: not null, AcceptedOn: null } => c.AcceptanceDueOn,
            { AcceptedOn: not null, RuledOn: null } => c.RulingDueOn,
            _ => null,
        };
        var courtLate = (courtDue is { } due && MediationTimes.DaysLeft(due, now) < 0) || c?.AcceptanceLate == true || c?.RulingLate == true;
        var performance = d.Status == MediationStatus.AgreementSigned ? d.SignedAgreement?.PerformanceDeadline : null;
        var nextSession = d.NextSessionAt is { } next ? MediationTimes.Day(next) : (DateOnly?)null;
        DateOnly?[] dates = [limit, window, courtDue, performance, nextSession];
        return new Item(
            d.Id, d.Number, d.Status, d.StatusLabel, d.Matter, d.Parties.Select(p => p.Name).ToList(), d.MediatorId, d.MediatorName,
            d.NextSessionAt,
            limit, limit is { } l ? MediationTimes.DaysLeft(l, now) : null, inMediation && d.Overdue,
            window, windowDaysLeft, windowDaysLeft <= MediationTimes.ClosingSoonDays,
            courtDue, courtLate,
            performance, performance is { } p && MediationTimes.DaysLeft(p, now) < 0,
            dates.Where(x => x is not null).Min());
    }
}

public static class MediationDocketEndpoint
{
    /// <summary>
    /// Whose docket the user reads: a mediator their own only (another mediator's does not exist for them), any other
    /// mediation reader the one they name, or the whole centre's.
    /// </summary>
    public static string? Whose(Scope scope, string? mediator) => scope.Role == Roles.Mediator ? scope.UserId : mediator;

    public static ProblemDetails Validate(string? mediator, ClaimsPrincipal user)
    {
        var scope = Scope.Of(user);
        if (!scope.SeesAny(CaseKind.Mediation))
            return Problems.Forbidden("无权查看调解案件清单。", "The mediation docket is not visible to this role.");
        return mediator is not null && Whose(scope, mediator) != mediator
            ? Problems.NotFound($"没有调解员 {mediator} 的案件清单。", $"No docket for mediator {mediator}.")
            : Problems.None;
    }

    /// <summary>
    /// The docket as the pages read it: the same role check, scope rule and query as the endpoint; null where the
    /// endpoint answers 403 or 404.
    /// </summary>
    public static async Task<MediationDocket?> ReadAsync(
        string? mediator, ClaimsPrincipal user, DateTimeOffset now, IQuerySession session, PersonalDataVault vault, CancellationToken ct) =>
        ReferenceEquals(Validate(mediator, user), Problems.None) ? await Get(mediator, user, now, session, vault, ct) : null;

    /// <summary>
    /// The calling mediator's open cases; the clerk, the office, analysts and administrators name a mediator with
    /// <c>?mediator=</c>, or see the whole centre's without it. Per case: the next session, the one-month limit and days left, the judicial
    /// confirmation window (closing soon: 10 days or fewer), the court's next due day, and the overdue flags.
    /// </summary>
    [EndpointSummary("调解员案件表 A mediator's docket")]
    [WolverineGet("/api/mediation/docket", OperationId = "GetMediationDocket")]
    [Authorize(Roles = Scope.MediationReaders)]
    public static async Task<MediationDocket> Get(
        string? mediator, ClaimsPrincipal user, DateTimeOffset now, IQuerySession session, PersonalDataVault vault, CancellationToken ct)
    {
        var scope = Scope.Of(user);
        var whose = Whose(scope, mediator);
        var query = scope.Filter(session.Query<MediationCaseDetails>(), MediationCaseDetails.Fields)
            .Where(x => !MediationStatuses.Final.Contains(x.Status));
        if (whose is not null) query = query.Where(x => x.MediatorId == whose);
        var cases = await query.ToListAsync(ct);
        var keys = await vault.KeyringAsync(session, cases, ct);
        var items = cases.Select(d => MediationDocket.From(d.Masked(keys), now))
            .OrderBy(i => i.NextDue ?? DateOnly.MaxValue).ThenBy(i => i.Number, StringComparer.Ordinal)
            .ToList();
        return new MediationDocket(whose, now, items);
    }
}
