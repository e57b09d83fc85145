using JasperFx.Events;
using Marten;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Whistle.Mediation;
using Whistle.Whistles;

namespace Whistle.History.Timeline;

/// <summary>
/// A stream of a case's history: its kind, its label in both languages, the version it stood at when read (the last
/// event's, for a meeting the whole meeting's) and where its case sits (null for a meeting).
/// </summary>
public sealed record StreamOfCase(Guid Id, StreamKind Kind, string Zh, string En, long Version, CaseArea? Area);

/// <summary>
/// One line of a case's timeline. <see cref="Actor"/> is null when the clock acted (a reminder, a missed due time);
/// <see cref="PolicyVersion"/> and <see cref="CalendarVersion"/> are those the event's due times were computed under, where it carries them.
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At, Guid StreamId, StreamKind StreamKind, long Version, long Sequence, string EventType, Actor? Actor,
    string Zh, string En, int? PolicyVersion, int? CalendarVersion);

/// <summary>A case's whole history: the case, every stream that belongs to it, and every entry in store order (oldest first).</summary>
public sealed record CaseHistory(
    Guid CaseId, StreamKind Kind, string Number, CaseArea Area, IReadOnlyList<StreamOfCase> Streams, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>
    /// The history as this user may read it: the streams of the kinds and areas their scope sees (meetings only for
    /// the joint-meeting readers) and their entries. The case itself the caller has checked.
    /// </summary>
    public CaseHistory SeenBy(Scope scope)
    {
        var meetings = Scope.JointMeetingReaders.Split(',').Contains(scope.Role);
        var seen = Streams.Where(s => s.Id == CaseId || (CaseStreams.ScopeKind(s.Kind) is { } kind
            ? s.Area is { } area && scope.Sees(kind, area)
            : meetings)).ToList();
        var ids = seen.Select(s => s.Id).ToHashSet();
        return this with { Streams = seen, Entries = [.. Entries.Where(e => ids.Contains(e.StreamId))] };
    }
}

/// <summary>
/// A case's timeline, read from the events alone (<see cref="CaseStreams"/> says which streams): every event a
/// sentence in Chinese and English, in the order the store recorded them. The timeline endpoint, the terminal verb
/// and the evidence export call it.
/// </summary>
public static class CaseTimeline
{
    /// <summary>
    /// The history of a complaint, fee dispute or mediation case; null when the id starts no case. Residents' personal data in
    /// the sentences is opened by the case's keys and masked, whoever reads it.
    /// </summary>
    public static async Task<CaseHistory?> LoadAsync(IQuerySession session, Guid caseId, PersonalDataVault vault, CancellationToken ct)
    {
        var own = await session.Events.FetchStreamAsync(caseId, token: ct);
        if (own.Count == 0 || CaseStreams.CaseKindOf(own[0].Data) is not { } kind) return null;

        var streams = new Dictionary<Guid, (StreamKind Kind, IReadOnlyList<IEvent> Events)> { [caseId] = (kind, own) };
        var meetings = new HashSet<Guid>();
        var unread = new Queue<Guid>([caseId]);
        while (unread.TryDequeue(out var id))
        {
            var (streamKind, events) = streams[id];
            foreach (var (linked, linkedKind) in events.SelectMany(e => CaseStreams.LinksOf(kind, streamKind, e.Data)).ToList())
            {
                if (linkedKind == StreamKind.JointMeeting) meetings.Add(linked);
                else if (!streams.ContainsKey(linked) && await session.Events.FetchStreamAsync(linked, token: ct) is { Count: > 0 } fetched)
                {
                    streams[linked] = (linkedKind, fetched);
                    unread.Enqueue(linked);
                }
            }
        }

        var labels = Labels(streams);
        var found = streams.Select(s => new StreamOfCase(s.Key, s.Value.Kind, labels[s.Key].Zh, labels[s.Key].En, s.Value.Events[^1].Version,
            CaseStreams.AreaOf(s.Value.Events))).ToList();
        var shown = streams.ToDictionary(s => s.Key, s => s.Value.Events);
        var whistles = streams.Where(s => s.Value.Kind == StreamKind.Whistle).Select(s => s.Key).ToHashSet();
        foreach (var meeting in meetings)
        {
            var events = await session.Events.FetchStreamAsync(meeting, token: ct);
            if (events.Count == 0 || events[0].Data is not JointMeetingConvened convened) continue;
            var day = Sentences.Time(convened.ScheduledAt)[..10];
            found.Add(new StreamOfCase(meeting, StreamKind.JointMeeting, $"联席会议（{day}）", $"the joint meeting of {day}", events[^1].Version, null));
            shown[meeting] = CaseStreams.ConcerningCase(events, whistles);
        }

        var byId = found.ToDictionary(s => s.Id);
        var keys = await vault.KeyringAsync(session, shown.SelectMany(s => s.Value).SelectMany(e => SealedValues.In(e.Data)), ct);
        var entries = shown.SelectMany(s => s.Value).OrderBy(e => e.Sequence)
            .Select(e => Entry(e, byId[e.StreamId], keys)).ToList();
        return new CaseHistory(caseId, kind, NumberOf(own[0].Data), CaseStreams.AreaOf(own)!, [.. found.OrderBy(s => s.Kind).ThenBy(s => s.Zh, StringComparer.Ordinal)], entries);
    }

    /// <summary>The id of the case with this number (TS-…, WY-…, MJ-…), from its opening event; null when there is none.</summary>
    public static async Task<Guid?> FindByNumberAsync(IQuerySession session, string number, CancellationToken ct)
    {
        var series = number.Split('-')[0];
        return series switch
        {
            CaseNumbers.Complaints => (await session.Events.QueryRawEventDataOnly<ComplaintLodged>()
                .Where(e => e.Number == number).Select(e => e.ComplaintId).ToListAsync(ct)).Cast<Guid?>().FirstOrDefault(),
            CaseNumbers.FeeDisputes => (await session.Events.QueryRawEventDataOnly<FeeDisputeRaised>()
                .Where(e => e.Number == number).Select(e => e.FeeDisputeId).ToListAsync(ct)).Cast<Guid?>().FirstOrDefault(),
            CaseNumbers.MediationCases => (await session.Events.QueryRawEventDataOnly<MediationCaseOpened>()
                .Where(e => e.Number == number).Select(e => e.MediationCaseId).ToListAsync(ct)).Cast<Guid?>().FirstOrDefault(),
            _ => null,
        };
    }

    /// <summary>One entry: the event's moment (<see cref="EventMoment"/>), its stream and version, its sentence.</summary>
    public static TimelineEntry Entry(IEvent e, StreamOfCase stream, Keyring keys)
    {
        var context = new SentenceContext(stream.Zh, stream.En, PersonalData: false, keys);
        var phrase = Sentences.PhraseOf(e.Data, context) ?? Sentences.Fallback(e.Data, context);
        var by = Sentences.ActorOf(e.Data);
        var at = EventMoment.Of(e);
        var (zh, en) = Sentences.Compose(phrase, by, at, e.Version);
        return new TimelineEntry(at, e.StreamId, stream.Kind, e.Version, e.Sequence, e.Data.GetType().Name, by, zh, en,
            phrase.PolicyVersion, phrase.CalendarVersion);
    }

    private static string NumberOf(object opening) => opening switch
    {
        ComplaintLodged e => e.Number,
        FeeDisputeRaised e => e.Number,
        MediationCaseOpened e => e.Number,
        _ => "",
    };

    /// <summary>
    /// How each stream is named: a case by its number, a whistle by its complaint's number and its place among that
    /// complaint's whistles in the order they were blown (哨单 TS-2026-000012/2).
    /// </summary>
    private static Dictionary<Guid, (string Zh, string En)> Labels(Dictionary<Guid, (StreamKind Kind, IReadOnlyList<IEvent> Events)> streams)
    {
        var labels = new Dictionary<Guid, (string Zh, string En)>();
        foreach (var (id, (_, events)) in streams)
        {
            labels[id] = events[0].Data switch
            {
                ComplaintLodged e => ($"投诉 {e.Number}", $"complaint {e.Number}"),
                FeeDisputeRaised e => ($"物业费纠纷 {e.Number}", $"fee dispute {e.Number}"),
                MediationCaseOpened e => ($"调解案件 {e.Number}", $"mediation case {e.Number}"),
                _ => ($"流 {id}", $"stream {id}"),
            };
        }
        foreach (var complaint in streams.Where(s => s.Value.Events[0].Data is WhistleBlown)
            .GroupBy(s => ((WhistleBlown)s.Value.Events[0].Data).ComplaintNumber))
        {
            var n = 0;
            foreach (var whistle in complaint.OrderBy(s => s.Value.Events[0].Sequence))
            {
                n++;
                labels[whistle.Key] = ($"哨单 {complaint.Key}/{n}", $"whistle {complaint.Key}/{n}");
            }
        }
        return labels;
    }
}
