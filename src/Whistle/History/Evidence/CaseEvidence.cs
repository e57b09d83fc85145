using Whistle.History.Integrity;
using Whistle.History.Timeline;

namespace Whistle.History.Evidence;

/// <summary>
/// A stream of the case as the evidence holds it: what it is, the version it stood at, whether its chain verified intact
/// when the file was made (and if not, its first broken link), and every link of its chain.
/// </summary>
public sealed record StreamEvidence(
    Guid Id, StreamKind Kind, string Zh, string En, long Version, bool Intact, BrokenLink? Broken, IReadOnlyList<ChainLink> Links)
{
    /// <summary>The hash of the stream's last link: the whole stream up to <see cref="Version"/> in one value.</summary>
    public string? Head => Links.Count == 0 ? null : Links[^1].Hash;
}

/// <summary>Who made the file and when.</summary>
public sealed record EvidenceIssue(string County, string By, string Role, DateTimeOffset At, bool PersonalDataMasked);

/// <summary>
/// A case's evidence (案件证据): its whole timeline, each stream of it with its hash chain and the verification of that
/// chain, and who made the file when. <see cref="EvidenceFile"/> writes it with its digest and signature.
/// </summary>
public sealed record CaseEvidence(
    string Format, Guid CaseId, StreamKind Kind, string Number, EvidenceIssue Issued,
    IReadOnlyList<StreamEvidence> Streams, IReadOnlyList<TimelineEntry> Entries)
{
    public const string CurrentFormat = "whistle-case-evidence/1";

    /// <summary>Whether every stream's chain verified intact when the file was made.</summary>
    public bool Intact => Streams.All(s => s.Intact);

    /// <summary>
    /// The evidence of a history as its reader may see it (<see cref="CaseHistory.SeenBy"/> already applied): each stream with
    /// its links and the first broken link the verifier found on it. Pure.
    /// </summary>
    public static CaseEvidence Of(
        CaseHistory history, IReadOnlyDictionary<Guid, IReadOnlyList<ChainLink>> links,
        IReadOnlyDictionary<Guid, BrokenLink?> broken, EvidenceIssue issued) =>
        new(CurrentFormat, history.CaseId, history.Kind, history.Number, issued,
            [.. history.Streams.Select(s => new StreamEvidence(s.Id, s.Kind, s.Zh, s.En, s.Version,
                broken.GetValueOrDefault(s.Id) is null, broken.GetValueOrDefault(s.Id), links.GetValueOrDefault(s.Id) ?? []))],
            history.Entries);
}
