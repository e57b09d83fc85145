using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>
/// The meeting resolves an agenda item (会议决议): the lead and co-handling departments, what must be done, the deadline
/// and the basis. Adopted, it is dispatched at once as a new whistle whose origin is the meeting.
/// </summary>
[ExampleBody("""{"itemNumber": 1, "lead": "chengguan", "coHandling": [], "action": "三日内清理消防通道并设置隔离桩", "deadline": "2026-12-20T17:00:00+08:00", "basis": "《消防法》第二十八条"}""")]
public sealed record AdoptResolution(
    int? ItemNumber, string? Lead, IReadOnlyList<string>? CoHandling, string? Action, DateTimeOffset? Deadline, string? Basis,
    long? ExpectedVersion = null);

/// <summary>201 body: the resolution and the whistle it was dispatched as; Location points at the whistle.</summary>
public sealed record ResolutionDispatchedResponse(Guid ResolutionId, Guid WhistleId) : CreationResponse($"/api/whistles/{WhistleId}");

/// <summary>What a resolution is decided against: the item's whistle as its write model stands, and the county's routing data.</summary>
public sealed record ResolutionGrounds(Whistle.Whistles.Whistle? ItemWhistle, WhistleRouting Routing);

public static class AdoptResolutionEndpoint
{
    public static async Task<ResolutionGrounds> LoadAsync(
        AdoptResolution command, JointMeeting meeting, IDocumentSession session, County.CountyReferenceCache reference, CancellationToken ct)
    {
        var item = command.ItemNumber is { } n ? meeting.Item(n) : null;
        var whistle = item is null ? null : (await AgendaWhistles.LoadAsync([item.WhistleId], session, ct)).Whistles.GetValueOrDefault(item.WhistleId);
        return new ResolutionGrounds(whistle, await BlowWhistleEndpoint.LoadAsync(session, reference, ct));
    }

    /// <summary>
    /// Field errors first (400): the item number, a lead and co-handling departments of the directory (the lead not
    /// among them, none twice), what must be done, a deadline, the basis. Then: the item is on the agenda
    /// (404); the meeting has been held (409); the item has no resolution yet — a dispatched resolution is never
    /// replaced, only corrected (409); the item's whistle has not concluded (409). The deadline lies ahead of now (400):
    /// the clock is read here and the rule takes the time as an argument, so it stays pure.
    /// </summary>
    public static ProblemDetails Validate(AdoptResolution command, JointMeeting meeting, ResolutionGrounds grounds, TimeProvider clock) =>
        Check(command, meeting, grounds, clock.GetUtcNow());

    public static ProblemDetails Check(AdoptResolution command, JointMeeting meeting, ResolutionGrounds grounds, DateTimeOffset now)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        var coHandling = command.CoHandling ?? [];
        var errors = new FieldErrors()
            .When(command.ItemNumber is null, "itemNumber", "必填。Required.")
            .Text("lead", command.Lead, 32)
            .Text("action", command.Action, 1000)
            .Text("basis", command.Basis, 500)
            .When(command.Deadline is null, "deadline", "必填。Required.")
            .When(command.Deadline <= now, "deadline", "期限须晚于现在。The deadline must lie ahead.")
            .When(command.Lead is not null && coHandling.Contains(command.Lead), "coHandling", "牵头部门不能同时配合。The lead cannot also co-handle.")
            .When(coHandling.Distinct().Count() != coHandling.Count, "coHandling", "部门重复。A department appears twice.");
        if (!string.IsNullOrWhiteSpace(command.Lead) && !grounds.Routing.Departments.Contains(command.Lead))
            errors.Add("lead", $"没有编码为 {command.Lead} 的部门。No department {command.Lead}.");
        foreach (var unknown in coHandling.Where(d => !grounds.Routing.Departments.Contains(d)))
            errors.Add("coHandling", $"没有编码为 {unknown} 的部门。No department {unknown}.");
        if (errors.Any) return errors.ToProblem();

        if (meeting.Item(command.ItemNumber!.Value) is not { } item) return JointMeetingRules.ItemNotFound(meeting.Id, command.ItemNumber);
        if (!meeting.Held) return JointMeetingRules.NotHeld;
        if (item.ResolutionId is { } adopted)
            return Problems.Conflict($"第 {item.Number} 项已有决议 {adopted}，如需更正请另行记录更正。",
                $"Item {item.Number} already has resolution {adopted}: record a correction instead.");
        if (grounds.ItemWhistle is not { } whistle) return WhistleRules.NotFound(item.WhistleId);
        return whistle.Concluded ? JointMeetingRules.WhistleConcluded(whistle.Id) : Problems.None;
    }

    [EndpointSummary("通过决议 Adopt a resolution")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/resolutions", OperationId = nameof(AdoptResolution))]
    [Authorize(Roles = Roles.Office)]
    public static (ResolutionDispatchedResponse, Events, IStartStream, IMartenOp, OutgoingMessages) Post(
        AdoptResolution command, [WriteAggregate] JointMeeting meeting, ResolutionGrounds grounds, ClaimsPrincipal user, DateTimeOffset now) =>
        Adopt(command, meeting, grounds.ItemWhistle!, grounds.Routing, Guid.CreateVersion7(now), Guid.CreateVersion7(now), Actor.From(user), now);

    /// <summary>
    /// The decision, in one transaction: the resolution and its dispatch on the meeting; the new whistle, at the
    /// joint-meeting level, about the item's case, its reply due at the resolution's deadline, with its deadlines
    /// scheduled; and on the item's whistle, that the meeting took it over (expecting it unchanged since it was read).
    /// </summary>
    public static (ResolutionDispatchedResponse, Events, IStartStream, IMartenOp, OutgoingMessages) Adopt(
        AdoptResolution command, JointMeeting meeting, Whistle.Whistles.Whistle itemWhistle, WhistleRouting routing,
        Guid resolutionId, Guid whistleId, Actor by, DateTimeOffset now)
    {
        var number = command.ItemNumber!.Value;
        var coHandling = command.CoHandling ?? [];
        var adopted = new ResolutionAdopted(
            meeting.Id, resolutionId, number, command.Lead!, [.. coHandling], command.Action!.Trim(), command.Deadline!.Value,
            command.Basis!.Trim(), by, now);
        var (blown, deadlines) = BlowWhistleEndpoint.Start(
            new BlowWhistle(adopted.Action, WhistleType.Routine, adopted.Lead, adopted.CoHandling), WhistleCase.Of(itemWhistle),
            new WhistleOrigin(meeting.Id, number, resolutionId), routing, whistleId, WhistleLevel.JointMeeting, by, now, adopted.Deadline);
        var takenOver = new WhistleTakenOverByMeeting(itemWhistle.Id, meeting.Id, number, resolutionId, whistleId, by, now);
        return (new ResolutionDispatchedResponse(resolutionId, whistleId),
            [adopted, new ResolutionDispatched(meeting.Id, resolutionId, number, whistleId, by, now)],
            MartenOps.StartStream<Whistle.Whistles.Whistle>(whistleId, blown),
            MartenOps.Append(itemWhistle.Id, itemWhistle.Version + 1, takenOver),
            deadlines);
    }
}
