using System.Reflection;
using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.JointMeetings.Worklist;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Http;

namespace Whistle.History.Dashboards;

/// <summary>
/// The joint-meeting office's worklist from events alone: each whistle's events folded through
/// <see cref="WorklistProjection"/>'s own static <c>Create</c> and <c>Apply</c> methods, found once by reflection, so a
/// rule added to the projection is replayed too. Pure.
/// </summary>
public static class WorklistReplay
{
    private static readonly IReadOnlyDictionary<Type, MethodInfo> Applies = typeof(WorklistProjection)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == "Apply" && m.GetParameters() is [var e, var doc] && doc.ParameterType == typeof(WorklistWhistle) && e.ParameterType.IsGenericType)
        .ToDictionary(m => m.GetParameters()[0].ParameterType.GetGenericArguments()[0]);

    /// <summary>The events the worklist reads: the whistle blown, and every event the projection applies.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [typeof(WhistleBlown), .. Applies.Keys];

    /// <summary>The worklist documents after the events, one per whistle, in the order the whistles were blown.</summary>
    public static IReadOnlyList<WorklistWhistle> Replay(IEnumerable<IEvent> events)
    {
        var whistles = new Dictionary<Guid, WorklistWhistle>();
        var order = new List<Guid>();
        foreach (var e in events)
        {
            if (e.Data is WhistleBlown)
            {
                if (whistles.ContainsKey(e.StreamId)) continue;
                whistles[e.StreamId] = WorklistProjection.Create((IEvent<WhistleBlown>)e);
                order.Add(e.StreamId);
            }
            else if (whistles.TryGetValue(e.StreamId, out var whistle) && Applies.TryGetValue(e.EventType, out var apply))
                apply.Invoke(null, [e, whistle]);
        }
        return [.. order.Select(id => whistles[id])];
    }

    /// <summary>The worklist's items as the live endpoint lists them, at <paramref name="now"/>, oldest first.</summary>
    public static JointMeetingWorklist List(IEnumerable<WorklistWhistle> whistles, DateTimeOffset now) => new(now, [.. whistles
        .SelectMany(w => w.Items.Select(i => new JointMeetingWorklist.Item(
            i.Kind, w.Id, w.ComplaintId, w.ComplaintNumber, i.Department, i.Missed, w.Level, w.CommunityCode, w.SubDistrictCode,
            i.Since, i.DueAt, i.DueAt is { } due && now > due ? (long)(now - due).TotalMinutes : null, $"/api/whistles/{w.Id}",
            w.TakenOverByMeeting)))
        .OrderBy(i => i.Since).ThenBy(i => i.WhistleId).ThenBy(i => i.Kind).ThenBy(i => i.Department, StringComparer.Ordinal)]);
}

public static class WorklistAsOfEndpoint
{
    public static ProblemDetails Validate(string? asOf) => AsOfDay.Check(new FieldErrors(), asOf).ToProblem();

    /// <summary>
    /// The joint-meeting office's worklist (联席办待办) as it stood at the end of a county day: the whistles' events up to
    /// then folded by the worklist projection's own logic, the overdue durations counted at that instant. The live
    /// worklist is neither read nor touched. Readers and scope as the live worklist: a sub-district officer sees its own
    /// sub-district's items.
    /// </summary>
    /// <param name="asOf">the day, yyyy-MM-dd in China time: the view stands at its last instant.</param>
    /// <param name="user">the caller, whose scope bounds the list.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("某一时点的联席办待办 The worklist as of a moment")]
    [WolverineGet("/api/history/joint-meeting/worklist", OperationId = "GetJointMeetingWorklistAsOf")]
    [Authorize(Roles = Scope.WorklistReaders)]
    public static async Task<JointMeetingWorklist> Get(string asOf, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var through = AsOfDay.EndOf(AsOfDay.Parse(asOf));
        var scope = Scope.Of(user);
        var whistles = WorklistReplay.Replay(await PastEvents.ReadAsync(session, WorklistReplay.EventTypes, through, ct));
        return WorklistReplay.List(whistles.Where(w => scope.Sees(WorklistWhistle.Fields, w)), through);
    }
}
