using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.JointMeetings.Meetings;

/// <summary>
/// A whistle (or a department's rejection on it) put forward for the agenda. The office's worklist is what it proposes
/// from, but the worklist is a read model built after the fact: each candidate is checked against the whistle's own
/// write model, never against the worklist.
/// </summary>
public sealed record AgendaCandidate(Guid? WhistleId, string? RejectionOf = null);

/// <summary>The whistles the candidates name, as their write models stand now; a missing stream is absent.</summary>
public sealed record AgendaWhistles(IReadOnlyDictionary<Guid, Whistle.Whistles.Whistle> Whistles)
{
    /// <summary>At most this many items in one proposal: a meeting's agenda, not a bulk import.</summary>
    public const int MaxCandidates = 50;

    /// <summary>Each whistle named, read from its stream; past <see cref="MaxCandidates"/> nothing more is read (the command is refused).</summary>
    public static async Task<AgendaWhistles> LoadAsync(IEnumerable<Guid?> ids, IDocumentSession session, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Whistle.Whistles.Whistle>();
        foreach (var id in ids.OfType<Guid>().Where(id => id != Guid.Empty).Distinct().Take(MaxCandidates))
            if (await session.Events.FetchLatest<Whistle.Whistles.Whistle>(id, ct) is { } w && w.Id == id) found[id] = w;
        return new AgendaWhistles(found);
    }

    /// <summary>
    /// The candidates' checks: an unknown whistle, or a rejection by a department whose assignment on it is not
    /// awaiting a ruling, is 400 (field <paramref name="field"/>); a concluded whistle is 409: there is nothing left to resolve.
    /// </summary>
    public ProblemDetails Check(IReadOnlyList<AgendaCandidate> candidates, string field)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var at = candidates.Count == 1 && field != "items" ? field : $"{field}[{i}]";
            if (c.WhistleId is null || c.WhistleId == Guid.Empty)
            {
                errors.Add($"{at}.whistleId", "必填。Required.");
                continue;
            }
            if (!Whistles.TryGetValue(c.WhistleId.Value, out var whistle))
            {
                errors.Add($"{at}.whistleId", $"没有吹哨 {c.WhistleId}。No whistle {c.WhistleId}.");
                continue;
            }
            if (c.RejectionOf is { } department && whistle.Find(department)?.Status != AssignmentStatus.Rejected)
                errors.Add($"{at}.rejectionOf", $"{department} 在此吹哨中没有待审定的退单。{department} has no rejection awaiting a ruling on it.");
        }
        if (errors.Any) return errors.ToProblem();
        return candidates.Select(c => Whistles[c.WhistleId!.Value]).FirstOrDefault(w => w.Concluded) is { } concluded
            ? JointMeetingRules.WhistleConcluded(concluded.Id)
            : Problems.None;
    }

    /// <summary>The agenda item a checked candidate becomes, numbered.</summary>
    public AgendaItem Item(AgendaCandidate candidate, int number)
    {
        var w = Whistles[candidate.WhistleId!.Value];
        return new AgendaItem(number, w.Id, candidate.RejectionOf, w.ComplaintNumber, w.Level, w.CommunityCode, w.SubDistrictCode);
    }
}
