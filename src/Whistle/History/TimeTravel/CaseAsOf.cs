using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Privacy;
using Whistle.Privacy.Sealing;
using Whistle.Mediation;
using Whistle.Whistles;

namespace Whistle.History.TimeTravel;

/// <summary>
/// A case as it stood at a point of its life: the moment (<see cref="AsOf"/>) and its stream's version then, its
/// details as the live details endpoint showed them, a complaint's whistles folded as of the same moment, and the
/// names the directory gave its places then.
/// </summary>
public sealed record CaseAsOf(
    DateTimeOffset AsOf, long Version, CaseKind Kind, object Case, IReadOnlyList<WhistleDetails> Whistles, PlaceNames Names);

/// <summary>Either the case as of the point, or why there is none (404 for a case that did not exist, 400 for a version it never had).</summary>
public sealed record CaseAsOfResult(CaseAsOf? View, IReadOnlyList<IEvent> Events, ProblemDetails Problem);

/// <summary>
/// Time travel over a case: reads only events — the case's stream, its whistles' streams, the directory's streams —
/// and folds them through the same projections the live details use, so a view as of a moment is what the live
/// endpoint showed at that moment. Each stream is read once and folded in memory.
/// </summary>
public static class CaseTimeTravel
{
    /// <summary>
    /// The case as of the point, as this user may see it. A case outside the user's scope does not exist for them (404,
    /// whatever the point); a moment before the case was lodged is 404; a version past the stream's is 400.
    /// Residents' personal data is masked for every reader; whistles the user does not see are left out.
    /// </summary>
    public static async Task<CaseAsOfResult> LoadAsync(
        IQuerySession session, Guid caseId, TimePoint point, Scope scope, PersonalDataVault vault, CancellationToken ct)
    {
        var events = await StreamRead.FetchAsync(session, caseId, ct);
        if (events.Count == 0 || KindOf(events[0].Data) is not { } kind) return Refused(events, NotFound(caseId));
        // A case's area is set when it is lodged and never moves: its first event says whether the user sees it.
        if (!Sees(scope, await FoldAsync(kind, session, events.Take(1).ToList(), ct))) return Refused(events, NotFound(caseId));
        var last = events[^1].Version;
        if (point.Version > last)
            return Refused(events, new FieldErrors().Add("version",
                $"案件只有 {last} 个版本，没有版本 {point.Version}。The case has {last} versions; there is no version {point.Version}.").ToProblem());
        var version = point.VersionIn(events);
        if (version == 0)
            return Refused(events, Problems.NotFound(
                $"案件 {caseId} 在 {point.At:O} 时尚未登记（登记于 {EventMoment.Of(events[0]):O}）。",
                $"Case {caseId} did not exist yet at {point.At:O} (lodged {EventMoment.Of(events[0]):O})."));

        var at = point.MomentIn(events, version);
        var upTo = TimePoint.UpTo(events, version);
        var details = await FoldAsync(kind, session, upTo, ct);
        var whistles = new List<WhistleDetails>();
        foreach (var id in upTo.Select(e => e.Data).OfType<ComplaintWhistled>().Select(w => w.WhistleId).Distinct())
            if (await WhistleAsync(session, id, at, ct) is { } whistle && scope.Sees(WhistleDetails.Fields, whistle)) whistles.Add(whistle);
        var (compound, community, subDistrict) = PlacesOf(details);
        var names = await NamesAsOf.LoadAsync(session, compound, community, subDistrict, at, ct);
        var keys = details is IHoldsPersonalData held
            ? await vault.KeyringAsync(session, [held], ct)
            : Keyring.Empty;
        return new CaseAsOfResult(
            new CaseAsOf(at, version, kind, Masked(details, keys), whistles, names), events, Problems.None);
    }

    /// <summary>A whistle as it stood at a moment, or null if it had not been blown by then.</summary>
    public static async Task<WhistleDetails?> WhistleAsync(IQuerySession session, Guid whistleId, DateTimeOffset at, CancellationToken ct)
    {
        var events = await StreamRead.FetchAsync(session, whistleId, ct);
        var version = TimePoint.Moment(at).VersionIn(events);
        return version == 0 ? null : await FoldAsync<WhistleDetails>(session, TimePoint.UpTo(events, version), ct);
    }

    /// <summary>The kind of case a stream holds, told by the event that starts it; null for a stream that is no such case.</summary>
    public static CaseKind? KindOf(object first) => first switch
    {
        ComplaintLodged => CaseKind.Complaint,
        FeeDisputeRaised => CaseKind.FeeDispute,
        MediationCaseOpened => CaseKind.Mediation,
        _ => null,
    };

    public static ProblemDetails NotFound(Guid caseId) =>
        Problems.NotFound($"没有案件 {caseId}。", $"No case {caseId}.");

    /// <summary>
    /// Folds events through the projection registered for <typeparamref name="T"/> — the live details' own — as
    /// <c>AggregateStreamAsync</c> does, but on events already read.
    /// </summary>
    public static async Task<T> FoldAsync<T>(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken ct) where T : class
    {
        // The store's options hold the registered projections; the aggregator is built once per type and cached by Marten.
        var aggregator = ((DocumentStore)session.DocumentStore).Options.Projections.AggregatorFor<T>();
        return await aggregator.BuildAsync(events, session, null!, ct)
            ?? throw new InvalidOperationException($"{typeof(T).Name} could not be folded from {events.Count} events.");
    }

    private static async Task<object> FoldAsync(CaseKind kind, IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken ct) =>
        kind switch
        {
            CaseKind.Complaint => await FoldAsync<ComplaintDetails>(session, events, ct),
            CaseKind.FeeDispute => await FoldAsync<FeeDisputeDetails>(session, events, ct),
            _ => await FoldAsync<MediationCaseDetails>(session, events, ct),
        };

    /// <summary>The same scope as each kind's live details endpoint.</summary>
    private static bool Sees(Scope scope, object details) => details switch
    {
        ComplaintDetails c => scope.Sees(ComplaintDetails.Fields, c),
        FeeDisputeDetails f => scope.Sees(FeeDisputeDetails.Fields, f),
        MediationCaseDetails m => scope.Sees(MediationCaseDetails.Fields, m),
        _ => false,
    };

    private static object Masked(object details, Keyring keys) => details switch
    {
        ComplaintDetails c => c.Masked(keys),
        FeeDisputeDetails f => f.Masked(keys),
        MediationCaseDetails m => m.Masked(keys),
        _ => details,
    };

    private static (string? Compound, string? Community, string? SubDistrict) PlacesOf(object details) => details switch
    {
        ComplaintDetails c => (c.CompoundId, c.CommunityId, c.SubDistrictId),
        FeeDisputeDetails f => (f.CompoundCode, f.CommunityCode, f.SubDistrictCode),
        MediationCaseDetails m => (m.CompoundCode, m.CommunityCode, m.SubDistrictCode),
        _ => (null, null, null),
    };

    private static CaseAsOfResult Refused(IReadOnlyList<IEvent> events, ProblemDetails problem) => new(null, events, problem);
}
