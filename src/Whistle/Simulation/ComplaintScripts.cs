using Whistle.Complaints;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;

namespace Whistle.Simulation;

/// <summary>
/// The day's complaints, and what the people do with each: the clerk or the community worker lodges it; it is
/// declined, withdrawn, handled locally (resolved, followed up by phone, closed or reopened), or whistled to the
/// catalogue's departments, who each sign for, reply, reject, ask for more time or let a due time pass, and most of
/// which, having replied, rate the community that whistled.
/// </summary>
public static class ComplaintScripts
{
    /// <summary>Puts the lodging of the day's complaints on the agenda; each case's later acts follow from its own random.</summary>
    public static void Plan(Simulator sim, DateOnly day, Random seeded)
    {
        var count = CountyMix.ComplaintsOn(day, sim.Plan.Scale, seeded);
        for (var i = 0; i < count; i++)
        {
            var number = sim.NextCaseNumber();
            var random = CountyMix.ForCase(sim.Plan.Seed, number);
            var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), SimulationPlan.CountyOffset) + CountyMix.TimeOfDay(random);
            var complaint = new ComplaintCase(sim, random, sim.County.Compounds[random.Next(sim.County.Compounds.Count)],
                sim.County.Category(random.Pick(CountyMix.Categories)), random.Pick(CountyMix.Channels), random.Pick(CountyMix.Fates));
            sim.At(at, complaint.Lodge);
        }
    }
}

/// <summary>One complaint's script: each act, when it succeeds, puts the next on the agenda at a drawn later time.</summary>
internal sealed class ComplaintCase(Simulator sim, Random random, SimCompound compound, CatalogueEntry category, ComplaintChannel channel, Fate fate)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"];
    private static readonly string[] LegalBases = ["《城市道路管理条例》第二条", "《物业管理条例》第二条", "《中华人民共和国消防法》第十八条", "《环境噪声污染防治法》第二条"];

    private readonly Dictionary<string, Conduct> _conduct = [];
    private readonly HashSet<string> _active = [];
    private readonly HashSet<string> _replied = [];
    private Guid _id;
    private Guid _whistle;
    private bool _reopened;

    private SimUser Worker => SimUser.CommunityWorker(compound.Community, compound.SubDistrict);
    private SimUser Handler => channel == ComplaintChannel.GridPatrol || fate == Fate.Whistled ? Worker : SimUser.Clerk;
    private string Url(string action) => $"/api/complaints/{_id}/{action}";
    private string Assignment(string department, string action) => $"/api/whistles/{_whistle}/assignments/{department}/{action}";
    private bool Urgent => category.WhistleType == WhistleType.Emergency;

    private void Then(TimeSpan least, TimeSpan most, Func<Task> act) => sim.At(sim.Now + random.Between(least, most), act);

    private static TimeSpan Minutes(int n) => TimeSpan.FromMinutes(n);
    private static TimeSpan Hours(int n) => TimeSpan.FromHours(n);
    private static TimeSpan Days(int n) => TimeSpan.FromDays(n);

    public async Task Lodge()
    {
        var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
        var phone = "13" + random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var building = random.Next(1, 30);
        var answer = await sim.Call(channel == ComplaintChannel.GridPatrol ? Worker : SimUser.Clerk, "lodge complaint", "/api/complaints",
            new LodgeComplaint(channel, category.CategoryId, compound.Code, new ComplainantInput(name, phone, $"{compound.Name}{building}号楼"),
                $"{compound.Name}{building}号楼附近：{category.Name}，反映多次未解决，请尽快处理。"));
        if (!answer.Ok) return;
        _id = answer.Id("id");
        sim.Ids.Add(_id);
        sim.Tally.Count("category: " + category.CategoryId);
        switch (fate)
        {
            case Fate.Declined:
                Then(Hours(1), Hours(8), Decline);
                break;
            default:
                Then(Minutes(20), Urgent ? Minutes(60) : Hours(6), Accept);
                break;
        }
    }

    private async Task Decline()
    {
        if ((await sim.Call(SimUser.Clerk, "decline complaint", Url("decline"),
                new DeclineComplaint("属民事纠纷，不属本平台受理范围。", "人民法院或人民调解委员会"))).Ok) sim.Tally.Count("fate: declined");
    }

    private async Task Accept()
    {
        if (!(await sim.Call(Handler, "accept complaint", Url("accept"), new AcceptComplaint())).Ok) return;
        switch (fate)
        {
            case Fate.Withdrawn: Then(Days(1), Days(3), Withdraw); break;
            case Fate.Whistled: Then(Minutes(10), Urgent ? Minutes(30) : Hours(24), Blow); break;
            default: Then(Days(1), Days(6), Resolve); break;
        }
    }

    private async Task Withdraw()
    {
        if ((await sim.Call(Handler, "withdraw complaint", Url("withdraw"), new WithdrawComplaint("投诉人表示问题已自行协商解决。"))).Ok)
            sim.Tally.Count("fate: withdrawn");
    }

    private async Task Resolve()
    {
        if ((await sim.Call(Handler, "resolve complaint", Url("resolve"), new ResolveComplaint($"已处理：{category.Name}问题已现场核实并整改。"))).Ok)
            Then(Days(1), Days(2), FollowUp);
    }

    private async Task FollowUp()
    {
        var satisfaction = _reopened ? Satisfaction.Satisfied : random.Pick(CountyMix.Satisfactions);
        var comment = satisfaction == Satisfaction.Unsatisfied ? "问题仍未解决。" : null;
        if (!(await sim.Call(SimUser.Clerk, "follow up complaint", Url("follow-up"), new RecordFollowUp(satisfaction, comment))).Ok) return;
        if (satisfaction == Satisfaction.Unsatisfied) Then(Hours(2), Hours(24), Reopen);
        else Then(Minutes(10), Hours(4), Close);
    }

    private async Task Reopen()
    {
        _reopened = true;
        if ((await sim.Call(Handler, "reopen complaint", Url("reopen"), new ReopenComplaint("回访不满意，重新办理。"))).Ok)
            Then(Days(1), Days(3), Resolve);
    }

    private async Task Close()
    {
        if ((await sim.Call(Handler, "close complaint", Url("close"), new CloseComplaint())).Ok)
            sim.Tally.Count(fate == Fate.Whistled ? "fate: closed after a whistle" : "fate: closed locally");
    }

    private async Task Blow()
    {
        var answer = await sim.Call(Worker, "blow whistle", Url("whistle"), new BlowWhistleBody($"请{category.Name}相关部门到场处置。"));
        if (!answer.Ok) return;
        _whistle = answer.Id("whistleId");
        sim.Ids.Add(_whistle);
        foreach (var department in new[] { category.Lead }.Concat(category.CoHandling)) Assign(department, random.Pick(CountyMix.Conducts));
    }

    private void Assign(string department, Conduct conduct)
    {
        _conduct[department] = conduct;
        _active.Add(department);
        sim.Tally.Count("conduct: " + conduct);
        switch (conduct)
        {
            case Conduct.Rejects:
                Then(Minutes(5), Urgent ? Minutes(25) : Hours(12), () => Reject(department));
                break;
            case Conduct.LateSignFor:
                Then(Urgent ? Minutes(40) : Hours(26), Urgent ? Hours(2) : Hours(60), () => SignFor(department));
                break;
            default:
                Then(Minutes(3), Urgent ? Minutes(25) : Hours(20), () => SignFor(department));
                break;
        }
    }

    private async Task SignFor(string department)
    {
        await sim.Call(SimUser.Officer(department), "sign for assignment", Assignment(department, "sign-for"), new { });
        var (least, most, asksExtension) = CountyMix.AfterSigningFor(_conduct[department], Urgent);
        Then(least, most, () => asksExtension ? AskExtension(department) : Reply(department));
    }

    private async Task AskExtension(string department)
    {
        var until = sim.Now + (Urgent ? Days(2) : Days(20));
        if ((await sim.Call(SimUser.Officer(department), "request extension", Assignment(department, "extension-request"),
                new { replyDue = until, reason = "需协调多个部门现场会商，申请延期。" })).Ok)
            Then(Hours(1), Hours(12), () => Grant(department));
        else Then(Hours(1), Days(2), () => Reply(department));
    }

    private async Task Grant(string department)
    {
        await sim.Call(Worker, "grant extension", Assignment(department, "extension/grant"), new { });
        Then(Urgent ? Hours(2) : Days(3), Urgent ? Hours(30) : Days(9), () => Reply(department));
    }

    private async Task Reject(string department)
    {
        if ((await sim.Call(SimUser.Officer(department), "reject assignment", Assignment(department, "reject"),
                new { legalBasis = LegalBases[random.Next(LegalBases.Length)], reason = "该事项不属本部门法定职责。" })).Ok)
            Then(Hours(4), Days(2), () => Rule(department));
        else Then(Minutes(5), Hours(2), () => SignFor(department));
    }

    private async Task Rule(string department)
    {
        var replacement = sim.County.Catalogue.SelectMany(e => new[] { e.Lead }.Concat(e.CoHandling)).Distinct()
            .Where(d => !_conduct.ContainsKey(d)).Order(StringComparer.Ordinal).ToList();
        var upheld = random.Next(100) < 40 && replacement.Count > 0;
        var to = upheld ? replacement[random.Next(replacement.Count)] : null;
        var answer = await sim.Call(SimUser.Office, "rule on rejection", Assignment(department, "arbitrate"),
            new { ruling = upheld ? "Upheld" : "Overruled", reason = upheld ? "退单理由成立，改派。" : "退单理由不成立，原部门继续办理。", reassignTo = to });
        if (!answer.Ok) return;
        if (to is not null)
        {
            _active.Remove(department);
            Assign(to, Conduct.Prompt);
            await ConcludeIfAllReplied();
        }
        else
        {
            _conduct[department] = Conduct.Prompt;
            Then(Minutes(30), Hours(10), () => SignFor(department));
        }
    }

    private async Task Reply(string department)
    {
        var answer = await sim.Call(SimUser.Officer(department), "reply to assignment", Assignment(department, "reply"),
            new { result = $"已到场处置：{category.Name}问题已整改完毕。", evidence = new[] { $"photo://{department}/{_whistle:N}.jpg" } });
        if (!answer.Ok) return;
        _replied.Add(department);
        // Most departments rate the community that whistled (部门评价属地), the other half of the two-way assessment.
        if (random.NextDouble() < 0.75)
        {
            var (wellFounded, cooperation) = (random.Next(3, 6), random.Next(3, 6));
            Then(Hours(1), Days(2), () => sim.Call(SimUser.Officer(department), "rate whistler", Assignment(department, "rate-whistler"),
                new { wellFounded, cooperation }));
        }
        await ConcludeIfAllReplied();
    }

    private Task ConcludeIfAllReplied()
    {
        if (_active.All(_replied.Contains)) Then(Hours(2), Hours(24), Conclude);
        return Task.CompletedTask;
    }

    private async Task Conclude()
    {
        var ratings = _active.Order(StringComparer.Ordinal).Select(d => new
        {
            department = d,
            score = _conduct[d] switch
            {
                Conduct.Prompt => random.Next(4, 6),
                Conduct.AsksExtension => 4,
                _ => random.Next(2, 4),
            },
        }).ToList();
        if ((await sim.Call(Worker, "conclude whistle", $"/api/whistles/{_whistle}/conclude", new { ratings })).Ok)
            Then(Hours(1), Days(1), Resolve);
    }

    /// <summary>The whistle's request body; the type and departments are left to the catalogue.</summary>
    private sealed record BlowWhistleBody(string Need);
}
