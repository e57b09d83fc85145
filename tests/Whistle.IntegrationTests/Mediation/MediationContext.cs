using Alba;
using Marten;
using Whistle.Directory;
using Whistle.Hosting;
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

    protected async Task<OpenedMediationCase> Open(OpenMediationCase? command = null, Tokens.User? user = null) =>
        (await (await Post(user ?? Tokens.Mediator, "/api/mediation/cases", command ?? NewCase(), 201)).ReadAsJsonAsync<OpenedMediationCase>())!;

    protected Task<IScenarioResult> Act(Guid id, string action, object body, int status = 200, Tokens.User? user = null) =>
        Post(user ?? Tokens.Mediator, CaseUrl(id, action), body, status);

    protected async Task Consented(Guid id)
    {
        await Act(id, "consent", new RecordConsent(PartySide.Applicant, true));
        await Act(id, "consent", new RecordConsent(PartySide.Respondent, true));
    }

    /// <summary>Consented and accepted; the tracked session holds the scheduled one-month limit.</summary>
    protected async Task<ITrackedSession> Accepted(Guid id)
    {
        await Consented(id);
        return await Host.ExecuteAndWaitAsync(() => Act(id, "accept", Empty), 30_000);
    }

    /// <summary>A case in mediation with the calling mediator assigned and one session held.</summary>
    protected async Task<Guid> InMediation(OpenMediationCase? command = null, Tokens.User? mediator = null)
    {
        var id = (await Open(command)).Id;
        await Accepted(id);
        var who = mediator ?? Tokens.Mediator;
        await Act(id, "mediator", new AssignMediator(who.Id, who.Id + " 测试", MediatorSelection.Appointed));
        await Act(id, "sessions", Session());
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
    protected async Task<(Guid Id, ITrackedSession Tracked)> Agreed()
    {
        var id = await InMediation();
        var tracked = await Host.ExecuteAndWaitAsync(() => Act(id, "agreement", Agreement()), 30_000);
        return (id, tracked);
    }

    protected async Task<MediationCaseDetails> CaseDetails(Guid id, Tokens.User? user = null) =>
        await Get<MediationCaseDetails>(user ?? Tokens.Mediator, CaseUrl(id));

    protected Task<ITrackedSession> Play(object message) =>
        Host.ExecuteAndWaitAsync(bus => bus.InvokeForTenantAsync(AppFixture.County, message), 30_000);

    /// <summary>Compounds of the sample county served by a property company, grouped by company.</summary>
    protected async Task<ILookup<string, string>> CompoundsByCompany()
    {
        await using var session = App.Store.QuerySession(AppFixture.County);
        var compounds = await session.Query<Compound>().Where(x => x.Info.PropertyCompanyCode != null).ToListAsync();
        return compounds.OrderBy(c => c.Code, StringComparer.Ordinal).ToLookup(c => c.Info.PropertyCompanyCode!, c => c.Code);
    }

    protected static Actor MediatorActor => new("mediator", "mediator 测试", Roles.Mediator);
}
