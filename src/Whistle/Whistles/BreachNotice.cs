using JasperFx.Events;
using Marten.Events.Projections;
using Whistle.Kernel;

namespace Whistle.Whistles;

/// <summary>
/// A breach published (通报), as the joint-meeting office lists it: which whistle and complaint, which department missed
/// what and when it was due, overdue since, published at, who was told, and the versions the notice time came from.
/// </summary>
public sealed class BreachNotice
{
    /// <summary>Where scope reads a notice: the whistle's community and sub-district.</summary>
    public static readonly CaseFields<BreachNotice> Fields = new(CaseKind.Whistle, x => x.CommunityCode, x => x.SubDistrictCode);

    public Guid Id { get; set; }
    public Guid WhistleId { get; set; }
    public Guid ComplaintId { get; set; }
    public string ComplaintNumber { get; set; } = "";
    public string CommunityCode { get; set; } = "";
    public string SubDistrictCode { get; set; } = "";
    public string Department { get; set; } = "";
    public DeadlineKind Missed { get; set; }
    public string MissedLabel => Missed == DeadlineKind.SignFor ? "未按时签收" : "未按时反馈";
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset OverdueSince { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public int PolicyVersion { get; set; }
    public int CalendarVersion { get; set; }
    public List<Audience> Told { get; set; } = [];
}

/// <summary>One notice per <see cref="BreachNoticePublished"/>, written in the same transaction as the event (inline).</summary>
public partial class BreachNoticeProjection : EventProjection
{
    public BreachNotice Create(IEvent<BreachNoticePublished> e) => new()
    {
        Id = e.Id, WhistleId = e.Data.WhistleId, ComplaintId = e.Data.ComplaintId, ComplaintNumber = e.Data.ComplaintNumber,
        CommunityCode = e.Data.CommunityCode, SubDistrictCode = e.Data.SubDistrictCode, Department = e.Data.Department,
        Missed = e.Data.Missed, DueAt = e.Data.DueAt, OverdueSince = e.Data.OverdueSince, PublishedAt = e.Data.At,
        PolicyVersion = e.Data.PolicyVersion, CalendarVersion = e.Data.CalendarVersion, Told = [.. e.Data.Told ?? []],
    };
}
