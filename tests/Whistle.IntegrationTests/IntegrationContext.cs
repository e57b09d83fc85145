using Wolverine.Tracking;
using Wolverine;
using Alba;
using JasperFx.Events;
using Marten;
using Whistle.Complaints;

namespace Whistle.IntegrationTests;

/// <summary>What the endpoint tests share: calls as a given user, a lodged complaint, the events of a stream.</summary>
public abstract class IntegrationContext(AppFixture app)
{
    protected AppFixture App => app;
    protected IAlbaHost Host => app.Host;

    /// <summary>A browser of the pages, signed in as the sample user <paramref name="userId"/>.</summary>
    protected Task<Web.PageBrowser> SignedIn(string userId) => Web.PageBrowser.SignedInAsync(Host, userId);

    /// <summary>
    /// Runs a step, then waits until the async daemon has handled every event committed by its end and what that set
    /// off (projections, the notifications subscription and the messages it sends) has finished — never a sleep. The
    /// daemon keeps running, so tests in parallel do not wait on each other (<see cref="DaemonSettling"/>).
    /// </summary>
    protected Task<ITrackedSession> AfterDaemon(Func<IMessageContext, Task> step) => Host.AfterDaemonAsync(step);

    protected Task<ITrackedSession> AfterDaemon(Func<Task> step) => AfterDaemon(_ => step());

    /// <summary>Waits until the async daemon has handled every event committed so far, and what that set off.</summary>
    protected Task<ITrackedSession> DaemonCaughtUp() => AfterDaemon(_ => Task.CompletedTask);

    /// <summary>Runs an action and waits for the messages it set off, one tracked session of the shared host at a time (<see cref="TrackedSessions"/>).</summary>
    protected Task<ITrackedSession> Tracked(Func<IMessageContext, Task> action, int timeoutInMilliseconds = 5000) =>
        Host.OneAtATimeAsync(() => Host.ExecuteAndWaitAsync(action, timeoutInMilliseconds));

    protected Task<ITrackedSession> Tracked(Func<Task> action, int timeoutInMilliseconds = 5000) =>
        Tracked(_ => action(), timeoutInMilliseconds);

    protected Task<IScenarioResult> Send(Tokens.User? user, Action<Scenario> scenario, int status, string county = AppFixture.County) =>
        Host.Scenario(x =>
        {
            if (user is not null) x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, county));
            scenario(x);
            x.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> Post(Tokens.User? user, string url, object body, int status = 200, string county = AppFixture.County) =>
        Send(user, x => x.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url), status, county);

    protected Task<IScenarioResult> PostRaw(Tokens.User? user, string url, string json, int status, string county = AppFixture.County) =>
        Send(user, x => x.Post.RawJson(json).ToUrl(url), status, county);

    protected async Task<T> Get<T>(Tokens.User? user, string url, string county = AppFixture.County)
    {
        var result = await Send(user, x => x.Get.Url(url), 200, county);
        return (await result.ReadAsJsonAsync<T>())!;
    }

    protected static DateTimeOffset At(string isoTime) =>
        DateTimeOffset.Parse(isoTime, System.Globalization.CultureInfo.InvariantCulture);

    protected static LodgeComplaint NewComplaint(string compound = "CP010101", string category = "illegal-parking") =>
        new(ComplaintChannel.Hotline, category, compound,
            new ComplainantInput("张三", "13812345678", "东关花园3号楼2单元"), "楼下消防通道长期被私家车占用，影响救援。");

    protected async Task<LodgedComplaint> Lodge(
        Tokens.User? user = null, LodgeComplaint? complaint = null, string county = AppFixture.County)
    {
        var result = await Post(user ?? Tokens.Clerk, "/api/complaints", complaint ?? NewComplaint(), 201, county);
        return (await result.ReadAsJsonAsync<LodgedComplaint>())!;
    }

    /// <summary>Lodges a complaint and moves it through the given commands, each expected to succeed.</summary>
    protected async Task<Guid> LodgeAndMove(params (string Action, object Body)[] steps)
    {
        var lodged = await Lodge();
        foreach (var (action, body) in steps)
            await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/{action}", body);
        return lodged.Id;
    }

    protected async Task<IReadOnlyList<IEvent>> EventsOf(Guid streamId, string county = AppFixture.County)
    {
        await using var session = app.Store.QuerySession(county);
        return await session.Events.FetchStreamAsync(streamId);
    }

    /// <summary>How many complaint streams the county has (each has its inline details document).</summary>
    protected async Task<int> ComplaintCount(string county)
    {
        await using var session = app.Store.QuerySession(county);
        return await session.Query<ComplaintDetails>().CountAsync();
    }

    protected async Task<ComplaintDetails> Details(Guid id, Tokens.User? user = null) =>
        await Get<ComplaintDetails>(user ?? Tokens.Clerk, $"/api/complaints/{id}");
}
