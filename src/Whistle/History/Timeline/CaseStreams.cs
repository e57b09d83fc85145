using JasperFx.Events;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.Whistles;

namespace Whistle.History.Timeline;

/// <summary>The kinds of stream a case's history is drawn from.</summary>
public enum StreamKind
{
    Complaint = 1,
    Whistle = 2,
    FeeDispute = 3,
    Mediation = 4,
    JointMeeting = 5,
}

/// <summary>
/// Which streams belong to a case, read from the events alone (no read model): the case's own stream, and
/// <list type="bullet">
/// <item>a complaint: its whistles (<see cref="ComplaintWhistled"/>); a whistle a joint meeting took over
/// (<see cref="WhistleTakenOverByMeeting"/>) brings the meeting's whistle it dispatched, and that meeting's items and
/// resolutions naming the case's whistles (<see cref="ConcerningCase"/>) — not the whole meeting;</item>
/// <item>a fee dispute: the mediation cases it was referred to and the complaints it cites as service defects;</item>
/// <item>a mediation case: the fee dispute (or complaint) it was referred from.</item>
/// </list>
/// Only the case's own stream and, for a complaint, its whistles are followed further: a history does not wander into
/// the other cases a linked case links to.
/// </summary>
public static class CaseStreams
{
    /// <summary>The kind of case a stream opens with; null for a stream that is no case (a whistle, a meeting, anything else).</summary>
    public static StreamKind? CaseKindOf(object first) => first switch
    {
        ComplaintLodged => StreamKind.Complaint,
        FeeDisputeRaised => StreamKind.FeeDispute,
        MediationCaseOpened => StreamKind.Mediation,
        _ => null,
    };

    /// <summary>The streams an event of a <paramref name="stream"/> of a <paramref name="root"/> case's history links to.</summary>
    public static IEnumerable<(Guid Id, StreamKind Kind)> LinksOf(StreamKind root, StreamKind stream, object data) => (root, stream, data) switch
    {
        (StreamKind.Complaint, StreamKind.Complaint, ComplaintWhistled e) => [(e.WhistleId, StreamKind.Whistle)],
        (StreamKind.Complaint, StreamKind.Complaint, ComplaintWhistleConcluded e) => [(e.WhistleId, StreamKind.Whistle)],
        (StreamKind.Complaint, StreamKind.Complaint, ComplaintWhistleReassigned e) => [(e.WhistleId, StreamKind.Whistle)],
        (StreamKind.Complaint, StreamKind.Whistle, WhistleTakenOverByMeeting e) => [(e.ByWhistleId, StreamKind.Whistle), (e.MeetingId, StreamKind.JointMeeting)],
        (StreamKind.Complaint, StreamKind.Whistle, WhistleBlown { Origin: { } origin }) => [(origin.MeetingId, StreamKind.JointMeeting)],
        (StreamKind.FeeDispute, StreamKind.FeeDispute, FeeDisputeReferredToMediation e) => [(e.MediationCaseId, StreamKind.Mediation)],
        (StreamKind.FeeDispute, StreamKind.FeeDispute, OwnerReasonsRecorded e) => e.DefectComplaints.Select(id => (id, StreamKind.Complaint)),
        (StreamKind.FeeDispute, StreamKind.FeeDispute, DefectComplaintResolved e) => [(e.ComplaintId, StreamKind.Complaint)],
        (StreamKind.Mediation, StreamKind.Mediation, MediationCaseOpened { Source: ReferralSource.FeeDispute, SourceCaseId: { } id }) => [(id, StreamKind.FeeDispute)],
        (StreamKind.Mediation, StreamKind.Mediation, MediationCaseOpened { Source: ReferralSource.Complaint, SourceCaseId: { } id }) => [(id, StreamKind.Complaint)],
        _ => [],
    };

    /// <summary>
    /// The events of a joint meeting that concern a case: the agenda items naming one of its whistles, their drops,
    /// the resolutions on those items, their dispatch, corrections and recorded actions. The rest of the meeting is
    /// other cases' business.
    /// </summary>
    public static IReadOnlyList<IEvent> ConcerningCase(IEnumerable<IEvent> meeting, IReadOnlySet<Guid> whistles)
    {
        var items = new HashSet<int>();
        var resolutions = new HashSet<Guid>();
        var kept = new List<IEvent>();
        foreach (var e in meeting)
        {
            if (e.Data is AgendaItemProposed { Item: var proposed } && whistles.Contains(proposed.WhistleId)) items.Add(proposed.Number);
            if (e.Data is AgendaItemAdded { Item: var added } && whistles.Contains(added.WhistleId)) items.Add(added.Number);
            if (e.Data is ResolutionAdopted adopted && items.Contains(adopted.ItemNumber)) resolutions.Add(adopted.ResolutionId);
            var concerns = e.Data switch
            {
                AgendaItemProposed p => items.Contains(p.Item.Number),
                AgendaItemAdded a => items.Contains(a.Item.Number),
                AgendaItemDropped d => items.Contains(d.ItemNumber),
                ResolutionAdopted r => items.Contains(r.ItemNumber),
                ResolutionDispatched d => items.Contains(d.ItemNumber),
                ResolutionCorrected c => resolutions.Contains(c.ResolutionId),
                ResolutionActionRecorded a => resolutions.Contains(a.ResolutionId),
                _ => false,
            };
            if (concerns) kept.Add(e);
        }
        return kept;
    }

    /// <summary>Where a stream's case sits, as scope reads it, from its events; null for a meeting, which scope reads by role.</summary>
    public static CaseArea? AreaOf(IReadOnlyList<IEvent> events) => events.Count == 0 ? null : events[0].Data switch
    {
        ComplaintLodged e => new CaseArea(e.CommunityId, e.SubDistrictId),
        FeeDisputeRaised e => new CaseArea(e.CommunityCode, e.SubDistrictCode),
        MediationCaseOpened e => new CaseArea(e.CommunityCode, e.SubDistrictCode),
        WhistleBlown e => new CaseArea(e.CommunityCode, e.SubDistrictCode,
            [.. e.Assignments.Select(a => a.Department)
                .Concat(events.Select(x => x.Data).OfType<RejectionArbitrated>().Select(r => r.Reassignment?.Department).OfType<string>())
                .Distinct()]),
        _ => null,
    };

    /// <summary>The case kind scope knows a stream kind as; null for a meeting.</summary>
    public static CaseKind? ScopeKind(StreamKind kind) => kind switch
    {
        StreamKind.Complaint => CaseKind.Complaint,
        StreamKind.Whistle => CaseKind.Whistle,
        StreamKind.FeeDispute => CaseKind.FeeDispute,
        StreamKind.Mediation => CaseKind.Mediation,
        _ => null,
    };
}
