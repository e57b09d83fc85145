using Alba;
using Marten;
using Whistle.County.Calendar;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Mediation;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>What the mediation endpoint tests share: opening a case, moving it along, reading it back.</summary>
public abstract class MediationContext(AppFixture app) : IntegrationContext(app)
{
    protected static readonly object Empty = new { };

    protected DateTimeOffset Now => App.Clock.GetUtcNow();

    protected DateOnly Today => MediationTimes.Day(Now);

    protected static OpenMediationCase NewCase(string? compound = "CP010101") => new(
        new PartyInput("王大妈", "13900002222"), new PartyInput("李先生", "13800003333"),
        "楼上住户装修噪音和漏水影响楼下，双方多次争吵。", CompoundCode: compound);

    protected static string CaseUrl(Guid id, string action = "") => $"/api/mediation/cases/{id}" + (action.Length > 0 ? "/" + action : "");

    protected async Task<OpenedMediationCase> Open(OpenMediationCase? command = null, Tokens.User? user = null, string county = AppFixture.County) =>
        (await (await Post(user ?? Tokens.Mediator, "/api/mediation/cases", command ?? NewCase(), 201, county)).ReadAsJsonAsync<OpenedMediationCase>())!;

    protected Task<IScenarioResult> Act(
        Guid id, string action, object body, int status = 200, Tokens.User? user = null, string county = AppFixture.County) =>
        Post(user ?? Tokens.Mediator, CaseUrl(id, action), body, status, county);

    protected async Task Consented(Guid id, string county = AppFixture.County)
    {
        await Act(id, "consent", new RecordConsent(PartySide.Applicant, true), county: county);
        await Act(id, "consent", new RecordConsent(PartySide.Respondent, true), county: county);
    }

    /// <summary>Consented and accepted; the tracked session holds the scheduled one-month limit.</summary>
    protected async Task<ITrackedSession> Accepted(Guid id, string county = AppFixture.County)
    {
        await Consented(id, county);
        return await Tracked(() => Act(id, "accept", Empty, county: county), 30_000);
    }

    /// <summary>A case in mediation with the calling mediator assigned and one session held.</summary>
    protected async Task<Guid> InMediation(OpenMediationCase? command = null, Tokens.User? mediator = null, string county = AppFixture.County)
    {
        var id = (await Open(command, county: county)).Id;
        await Accepted(id, county);
        var who = mediator ?? Tokens.Mediator;
        await Act(id, "mediator", new AssignMediator(who.Id, who.Id + " 测试", MediatorSelection.Appointed), county: county);
        await Act(id, "sessions", Session(), county: county);
        return id;
    }

    // Held just now: a session an hour ago could fall on the China day before the case was accepted.
    protected RecordMediationSession Session(DateTimeOffset? nextSessionAt = null) => new(
        Now, ["王大妈", "李先生"], "双方陈述了事实，同意修复漏水点并赔偿部分损失。",
        [new InviteeInput("张师傅", InviteeRole.Expert, "防水工程师")], nextSessionAt);

    protected SignAgreement Agreement() => new(
        "楼上卫生间防水层破损致楼下天花板渗水，楼上住户负主要责任。", "楼上住户于十五日内修复防水并赔偿楼下 2000 元。",
        "修复由双方共同选定的施工队完成；赔偿款一次性转账。", Today.AddDays(15));

    /// <summary>An agreement signed now; the tracked session holds the confirmation window's two deadlines.</summary>
    protected async Task<(Guid Id, ITrackedSession Tracked)> Agreed(string county = AppFixture.County)
    {
        var id = await InMediation(county: county);
        var tracked = await Tracked(() => Act(id, "agreement", Agreement(), county: county), 30_000);
        return (id, tracked);
    }

    protected async Task<MediationCaseDetails> CaseDetails(Guid id, Tokens.User? user = null, string county = AppFixture.County) =>
        await Get<MediationCaseDetails>(user ?? Tokens.Mediator, CaseUrl(id), county);

    /// <summary>
    /// The day a party's period whose count ends on <paramref name="day"/> actually ends with, under the county's calendar
    /// in force: that day, or the first working day after it (民法典 Art. 203). The clock starts at the real time, so
    /// these tests work the day out; the unit tests pin the rule on known dates.
    /// </summary>
    protected async Task<DateOnly> WorkingDayFrom(DateOnly day, string county = AppFixture.County)
    {
        await using var session = App.Store.QuerySession(county);
        var calendar = (await CountyCalendar.CurrentAsync(session, CancellationToken.None)).ToWorkingCalendar();
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>A county of its own that closes on <paramref name="closed"/> and works the day after, whatever weekdays they are.</summary>
    protected async Task<string> CountyClosedOn(DateOnly closed)
    {
        var county = await App.NewCountyAsync();
        await Send(Tokens.Admin, x => x.Put.Json(new ReviseCountyCalendar(
            [new(closed, DayKind.CountyHoliday, "县庆"), new(closed.AddDays(1), DayKind.CountyWorkday, "补班")]), JsonStyle.MinimalApi)
            .ToUrl("/api/calendar/county-days"), 200, county);
        return county;
    }

    protected Task<ITrackedSession> Play(object message) =>
        Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, message), 30_000);

    /// <summary>Compounds of the sample county served by a property company, grouped by company.</summary>
    protected async Task<ILookup<string, string>> CompoundsByCompany()
    {
        await using var session = App.Store.QuerySession(AppFixture.County);
        var compounds = await session.Query<Compound>().Where(x => x.Info.PropertyCompanyCode != null).ToListAsync();
        return compounds.OrderBy(c => c.Code, StringComparer.Ordinal).ToLookup(c => c.Info.PropertyCompanyCode!, c => c.Code);
    }

    protected static Actor MediatorActor => new("mediator", "mediator 测试", Roles.Mediator);
}
