namespace Whistle.History.Integrity;

/// <summary>How a stream's chain is broken at its first broken link.</summary>
public enum BreakKind
{
    /// <summary>The event's stored content no longer gives the hash its link recorded.</summary>
    Changed = 1,
    /// <summary>An event is missing: a link without its event, or a gap in the versions.</summary>
    Removed = 2,
    /// <summary>Events moved: an event's version or sequence is not its link's, or a link does not follow the one before.</summary>
    Reordered = 3,
    /// <summary>An event has no link: it was inserted past the trigger.</summary>
    Unchained = 4,
}

/// <summary>The first broken link of a stream, with a sentence in Chinese and in English.</summary>
public sealed record BrokenLink(Guid StreamId, string County, long Version, long? Sequence, BreakKind Kind, string Description);

/// <summary>
/// One row of the verification query: a stored event joined on its sequence with its chain link; either side may be
/// missing. <see cref="Intact"/> is whether the recomputed hash equals the link's (null when a side is missing).
/// </summary>
public sealed record ChainRow(
    Guid StreamId, string County, long? EventVersion, long? EventSequence, long? LinkVersion, long? LinkSequence,
    byte[]? Previous, byte[]? Hash, bool? Intact);

/// <summary>
/// Walks one stream's rows in version order (a stream is its id within its county: the directory's streams have the same
/// ids in every county) and finds its first broken link. Pure: the verifier streams the rows of
/// every stream through one walk each. A stream is intact when every event has its link, versions run 1, 2, 3 … without
/// a gap, every link's previous hash is the hash of the link before (32 zero bytes for the first), and every event's
/// recomputed hash is its link's.
/// </summary>
public sealed class ChainWalk(Guid streamId, string county)
{
    private byte[] expectedPrevious = EventChain.Genesis;
    private long expectedVersion = 1;

    public Guid StreamId { get; } = streamId;
    public string County { get; } = county;
    public long Events { get; private set; }
    public BrokenLink? Broken { get; private set; }

    /// <summary>Takes the stream's next row; after the first broken link it only counts events.</summary>
    public void Take(ChainRow row)
    {
        if (row.EventSequence is not null) Events++;
        if (Broken is not null) return;
        Broken = Check(row);
        if (Broken is not null) return;
        expectedPrevious = row.Hash!;
        expectedVersion++;
    }

    private BrokenLink? Check(ChainRow row)
    {
        if (row.EventSequence is null)
            return Break(row.LinkVersion!.Value, row.LinkSequence, BreakKind.Removed);
        var version = row.EventVersion!.Value;
        if (row.LinkSequence is null) return Break(version, row.EventSequence, BreakKind.Unchained);
        if (row.LinkVersion != version) return Break(version, row.EventSequence, BreakKind.Reordered);
        if (version != expectedVersion) return Break(expectedVersion, null, BreakKind.Removed);
        if (!row.Previous!.AsSpan().SequenceEqual(expectedPrevious)) return Break(version, row.EventSequence, BreakKind.Reordered);
        if (row.Intact != true) return Break(version, row.EventSequence, BreakKind.Changed);
        return null;
    }

    private BrokenLink Break(long version, long? sequence, BreakKind kind) =>
        new(StreamId, County, version, sequence, kind, Describe(kind, version, sequence));

    public static string Describe(BreakKind kind, long version, long? sequence)
    {
        var at = sequence is { } s ? $"（序号 {s}）" : "";
        var atEn = sequence is { } t ? $" (sequence {t})" : "";
        return kind switch
        {
            BreakKind.Changed => $"第 {version} 版事件{at}的内容已被改动，与链上记录的哈希不符。The event at version {version}{atEn} was changed: its content no longer gives the hash its link recorded.",
            BreakKind.Removed => $"第 {version} 版事件{at}已被删除。The event at version {version}{atEn} was removed.",
            BreakKind.Reordered => $"第 {version} 版事件{at}的顺序已被调换，与链上的前后关系不符。The event at version {version}{atEn} was moved: its order does not match the chain.",
            BreakKind.Unchained => $"第 {version} 版事件{at}没有链记录，是绕过触发器写入的。The event at version {version}{atEn} has no link: it was written past the trigger.",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}

/// <summary>What a verification found: how much it read, how long it took, and each broken stream's first broken link.</summary>
public sealed record IntegrityReport(long Streams, long Events, double Seconds, IReadOnlyList<BrokenLink> Broken)
{
    public bool Intact => Broken.Count == 0;

    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;

    /// <summary>One line in Chinese and in English.</summary>
    public string Summary => Intact
        ? $"已核验 {Streams} 条流、{Events} 个事件，哈希链完整。Verified {Streams} streams, {Events} events: every chain is intact."
        : $"已核验 {Streams} 条流、{Events} 个事件，{Broken.Count} 条流的哈希链断裂。Verified {Streams} streams, {Events} events: {Broken.Count} broken.";
}

/// <summary>Progress of a verification: rows read of the total expected.</summary>
public sealed record VerificationProgress(long Rows, long Total, TimeSpan Elapsed);
