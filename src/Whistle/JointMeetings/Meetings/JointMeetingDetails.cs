using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Kernel;

namespace Whistle.JointMeetings.Meetings;

/// <summary>
/// A joint meeting as the office and its readers see it, and the minutes are printed from: the convening, every agenda
/// item ever listed (dropped ones with their reason), the attendance, each resolution with its whistle, corrections and
/// actions done. Built inline, in the command's own transaction.
/// </summary>
public sealed class JointMeetingDetails
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public string Chair { get; set; } = "";
    public string Venue { get; set; } = "";
    public List<string> Members { get; set; } = [];
    public Actor ConvenedBy { get; set; } = new("", "", "");
    public DateTimeOffset ConvenedAt { get; set; }
    public DateTimeOffset? HeldAt { get; set; }
    public List<MemberAttendance> Attendance { get; set; } = [];
    public List<Item> Items { get; set; } = [];
    public List<Resolution> Resolutions { get; set; } = [];
    public DateTimeOffset? MinutesPublishedAt { get; set; }

    /// <summary>An agenda item: proposed from the worklist (no reason) or added by hand (the reason), and dropped or not.</summary>
    public sealed class Item
    {
        public int Number { get; set; }
        public Guid WhistleId { get; set; }
        public string? RejectionOf { get; set; }
        public string ComplaintNumber { get; set; } = "";
        public Whistles.WhistleLevel Level { get; set; }
        public string CommunityCode { get; set; } = "";
        public string SubDistrictCode { get; set; } = "";
        public bool FromWorklist { get; set; }
        public string? AddedReason { get; set; }
        public string? DroppedReason { get; set; }
        public string Link => $"/api/whistles/{WhistleId}";
    }

    /// <summary>A resolution as adopted (never edited), the whistle it went out as, and what was recorded after it.</summary>
    public sealed class Resolution
    {
        public Guid Id { get; set; }
        public int ItemNumber { get; set; }
        public string Lead { get; set; } = "";
        public List<string> CoHandling { get; set; } = [];
        public string Action { get; set; } = "";
        public DateTimeOffset Deadline { get; set; }
        public string Basis { get; set; } = "";
        public DateTimeOffset AdoptedAt { get; set; }
        public Guid? WhistleId { get; set; }
        public List<ResolutionCorrected> Corrections { get; set; } = [];
        public List<ResolutionActionRecorded> Actions { get; set; } = [];
    }
}

public partial class JointMeetingDetailsProjection : SingleStreamProjection<JointMeetingDetails, Guid>
{
    public static JointMeetingDetails Create(IEvent<JointMeetingConvened> e) => Touch(e, new JointMeetingDetails
    {
        Id = e.Data.MeetingId, ScheduledAt = e.Data.ScheduledAt, Chair = e.Data.Chair, Venue = e.Data.Venue,
        Members = [.. e.Data.Members], ConvenedBy = e.Data.By, ConvenedAt = e.Data.At,
    });

    public static JointMeetingDetails Apply(IEvent<AgendaItemProposed> e, JointMeetingDetails d)
    {
        d.Items.Add(ItemOf(e.Data.Item, fromWorklist: true, reason: null));
        return Touch(e, d);
    }

    public static JointMeetingDetails Apply(IEvent<AgendaItemAdded> e, JointMeetingDetails d)
    {
        d.Items.Add(ItemOf(e.Data.Item, fromWorklist: false, reason: e.Data.Reason));
        return Touch(e, d);
    }

    public static JointMeetingDetails Apply(IEvent<AgendaItemDropped> e, JointMeetingDetails d)
    {
        if (d.Items.Find(i => i.Number == e.Data.ItemNumber) is { } item) item.DroppedReason = e.Data.Reason;
        return Touch(e, d);
    }

    public static JointMeetingDetails Apply(IEvent<JointMeetingHeld> e, JointMeetingDetails d)
    {
        (d.HeldAt, d.Attendance) = (e.Data.At, [.. e.Data.Attendance]);
        return Touch(e, d);
    }

    public static JointMeetingDetails Apply(IEvent<ResolutionAdopted> e, JointMeetingDetails d)
    {
        d.Resolutions.Add(new JointMeetingDetails.Resolution
        {
            Id = e.Data.ResolutionId, ItemNumber = e.Data.ItemNumber, Lead = e.Data.Lead, CoHandling = [.. e.Data.CoHandling],
            Action = e.Data.Action, Deadline = e.Data.Deadline, Basis = e.Data.Basis, AdoptedAt = e.Data.At,
        });
        return Touch(e, d);
    }

    public static JointMeetingDetails Apply(IEvent<ResolutionDispatched> e, JointMeetingDetails d) =>
        Change(e, d, e.Data.ResolutionId, r => r.WhistleId = e.Data.WhistleId);

    public static JointMeetingDetails Apply(IEvent<ResolutionCorrected> e, JointMeetingDetails d) =>
        Change(e, d, e.Data.ResolutionId, r => r.Corrections.Add(e.Data));

    public static JointMeetingDetails Apply(IEvent<ResolutionActionRecorded> e, JointMeetingDetails d) =>
        Change(e, d, e.Data.ResolutionId, r => r.Actions.Add(e.Data));

    public static JointMeetingDetails Apply(IEvent<MinutesPublished> e, JointMeetingDetails d)
    {
        d.MinutesPublishedAt = e.Data.At;
        return Touch(e, d);
    }

    private static JointMeetingDetails.Item ItemOf(AgendaItem item, bool fromWorklist, string? reason) => new()
    {
        Number = item.Number, WhistleId = item.WhistleId, RejectionOf = item.RejectionOf, ComplaintNumber = item.ComplaintNumber,
        Level = item.Level, CommunityCode = item.CommunityCode, SubDistrictCode = item.SubDistrictCode,
        FromWorklist = fromWorklist, AddedReason = reason,
    };

    private static JointMeetingDetails Change(IEvent e, JointMeetingDetails d, Guid resolutionId, Action<JointMeetingDetails.Resolution> change)
    {
        if (d.Resolutions.Find(r => r.Id == resolutionId) is { } r) change(r);
        return Touch(e, d);
    }

    private static JointMeetingDetails Touch(IEvent e, JointMeetingDetails d)
    {
        d.Version = e.Version;
        return d;
    }
}
