using System.Globalization;
using Whistle.Kernel;

namespace Whistle.History.Export;

/// <summary>One stored event as the export reads it: its place in the store, its business moment and its JSON as stored.</summary>
public sealed record ExportedEvent(
    long Sequence, Guid StreamId, string? StreamType, long Version, string EventType, DateTimeOffset At,
    string? User, string? CorrelationId, string? CausationId, string Data);

/// <summary>
/// The events export's CSV: a bilingual header and one row per event, in sequence order. <c>at</c> is the event's business
/// moment (<see cref="EventMoment"/>) twice: ISO 8601 in UTC and in the county's local time (Asia/Shanghai, UTC+8).
/// The data is the event's JSON, masked for a reader who does not see personal data (<see cref="PersonalData"/>).
/// </summary>
public static class EventCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "序号 seq", "流 stream id", "流类型 stream type", "版本 version", "事件 event type", "时间(UTC) at (UTC)",
        "时间(北京) at (Asia/Shanghai)", "用户 user", "关联号 correlation id", "起因 causation id", "数据 data",
    ];

    public static IReadOnlyList<object?> Row(ExportedEvent e, bool masked) =>
    [
        e.Sequence, e.StreamId, e.StreamType, e.Version, e.EventType,
        e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        CountyTime.Local(e.At).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        e.User, e.CorrelationId, e.CausationId, masked ? PersonalData.Masked(e.Data) : e.Data,
    ];
}
