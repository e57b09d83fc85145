using System.Text.Json;
using Whistle.JointMeetings.Meetings;
using Whistle.Whistles;

namespace Whistle.Simulation;

/// <summary>
/// The county joint meeting (联席会议), once a month on its last Thursday: at 09:00 the office reads its worklist (the
/// daemon caught up first, so the same seed reads the same list), convenes the meeting for 14:00 with the departments
/// behind the oldest whistles that reached the joint-meeting level or above and no meeting has taken over (at most
/// <see cref="MaxItems"/>), and proposes them as the agenda. At 14:00 the meeting is held (a member now and then absent),
/// a resolution adopted on each item — the item's overdue department leads, seven days to do it — and each is dispatched
/// as a whistle from the meeting, which its department signs for and replies to and the office concludes. The minutes
/// are published at 17:00. A month with nothing at the county level holds no meeting.
/// </summary>
public static class MeetingScripts
{
    public const int MaxItems = 6;

    public static void Plan(Simulator sim, DateOnly day, Random seeded)
    {
        if (!IsMeetingDay(day)) return;
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), SimulationPlan.CountyOffset);
        var meeting = new MeetingCase(sim, new Random(seeded.Next()), at);
        sim.At(at, meeting.Convene);
    }

    /// <summary>The last Thursday of the month.</summary>
    public static bool IsMeetingDay(DateOnly day) => day.DayOfWeek == DayOfWeek.Thursday && day.AddDays(7).Month != day.Month;
}

/// <summary>One meeting's script, from the worklist to the minutes, and its resolutions' whistles.</summary>
internal sealed class MeetingCase(Simulator sim, Random random, DateTimeOffset convenedAt)
{
    private const string Worklist = "/api/joint-meeting/worklist";
    private static readonly WhistleLevel[] CountyLevels = [WhistleLevel.JointMeeting, WhistleLevel.CountySupervision];

    private Guid _id;
    private readonly Dictionary<Guid, string> _leads = [];
    private string Url(string action) => $"/api/joint-meetings/{_id}/{action}";
    private DateTimeOffset HeldAt => convenedAt.AddHours(5);

    public async Task Convene()
    {
        var worklist = await sim.Read(SimUser.Office, "read worklist", Worklist);
        if (!worklist.Ok) return;
        var atCountyLevel = worklist.Body.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("takenOverByMeeting").ValueKind == JsonValueKind.Null
                && CountyLevels.Contains(Enum.Parse<WhistleLevel>(i.GetProperty("level").GetString()!)))
            .GroupBy(i => i.GetProperty("whistleId").GetGuid())
            .OrderBy(g => g.Min(i => i.GetProperty("since").GetDateTimeOffset())).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Take(MeetingScripts.MaxItems);
        foreach (var whistle in atCountyLevel)
        {
            // The department the meeting charges: the one the worklist names overdue, else the whistle's lead.
            var lead = whistle.Select(i => i.GetProperty("department")).Where(d => d.ValueKind == JsonValueKind.String)
                .Select(d => d.GetString()).FirstOrDefault() ?? await LeadOf(whistle.Key);
            if (lead is not null) _leads.Add(whistle.Key, lead);
        }
        if (_leads.Count == 0) return;

        var convened = await sim.Call(SimUser.Office, "convene joint meeting", "/api/joint-meetings",
            new ConveneJointMeeting(HeldAt, "县联席办主任", [.. _leads.Values.Distinct().Order(StringComparer.Ordinal)], "县政府三楼会议室"));
        if (!convened.Ok) return;
        _id = convened.Id("id");
        var proposed = await sim.Call(SimUser.Office, "propose agenda", Url("agenda"),
            new ProposeAgenda([.. _leads.Keys.Select(w => new AgendaCandidate(w))]));
        if (!proposed.Ok) return;
        sim.At(HeldAt, Hold);
    }

    private async Task<string?> LeadOf(Guid whistle)
    {
        var details = await sim.Read(SimUser.Office, "read whistle", $"/api/whistles/{whistle}");
        return details.Ok
            ? details.Body.GetProperty("assignments").EnumerateArray()
                .Where(a => a.GetProperty("role").GetString() == nameof(AssignmentRole.Lead))
                .Select(a => a.GetProperty("department").GetString()).FirstOrDefault()
            : null;
    }

    private async Task Hold()
    {
        var members = _leads.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var held = await sim.Call(SimUser.Office, "hold joint meeting", Url("hold"), new HoldJointMeeting(
            [.. members.Select(d => random.NextDouble() < 0.1
                ? new AttendanceInput(d, false, AbsenceReason: "公务外出")
                : new AttendanceInput(d, true, "分管副局长"))]));
        if (!held.Ok) return;
        var items = held.Body.GetProperty("items").EnumerateArray()
            .Select(i => (Number: i.GetProperty("number").GetInt32(), Whistle: i.GetProperty("whistleId").GetGuid())).ToList();
        foreach (var (number, whistle) in items)
            if (_leads.TryGetValue(whistle, out var lead)) await Resolve(number, lead);
        sim.At(convenedAt.AddHours(8), () => sim.Call(SimUser.Office, "publish minutes", Url("minutes"), new { }));
    }

    private async Task Resolve(int number, string lead)
    {
        var adopted = await sim.Call(SimUser.Office, "adopt resolution", Url("resolutions"), new AdoptResolution(
            number, lead, [], "限期七日内办结，办结情况报联席办。", sim.Now.AddDays(7), "县联席会议议定"));
        if (!adopted.Ok) return;
        var (resolution, whistle) = (adopted.Id("resolutionId"), adopted.Id("whistleId"));
        var officer = SimUser.Officer(lead);
        var assignment = $"/api/whistles/{whistle}/assignments/{lead}";
        sim.At(sim.Now + random.Between(TimeSpan.FromHours(1), TimeSpan.FromHours(20)), async () =>
        {
            if (!(await sim.Call(officer, "sign for meeting whistle", $"{assignment}/sign-for", new { })).Ok) return;
            sim.At(sim.Now + random.Between(TimeSpan.FromDays(1), TimeSpan.FromDays(6)), async () =>
            {
                if (!(await sim.Call(officer, "reply to meeting whistle", $"{assignment}/reply", new ReplyToAssignment("已按会议决议办结，现场复查合格。"))).Ok) return;
                sim.At(sim.Now + random.Between(TimeSpan.FromHours(4), TimeSpan.FromDays(2)), async () =>
                {
                    if (!(await sim.Call(SimUser.Office, "conclude meeting whistle", $"/api/whistles/{whistle}/conclude",
                            new ConcludeWhistle([new DepartmentRating(lead, random.Next(3, 6), null)]))).Ok) return;
                    await sim.Call(SimUser.Office, "record resolution action", Url("resolutions/actions"),
                        new RecordResolutionAction(resolution, "决议事项已办结，经复查销号。"));
                });
            });
        });
    }
}
