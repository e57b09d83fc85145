using System.Diagnostics;
using Alba;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Hosting.Projections;
using Whistle.JointMeetings.Meetings;
using Whistle.Mediation;
using Whistle.Notifications;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Rebuilding gives back exactly what the live projections built. The test runs a host of its own on a database of its
/// own (a rebuild rewrites every county's documents of the database, which would pull documents from under the other
/// tests), builds a mixed history through the HTTP API, waits for the daemon by pausing and catching it up (never a
/// sleep), takes every projected document, rebuilds every projection through the endpoint, and compares.
/// </summary>
public sealed class ProjectionRebuildTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly object Empty = new { };
    private const string County = AppFixture.County;

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private IAlbaHost host = null!;

    [Fact]
    public async Task rebuilding_every_projection_gives_exactly_the_documents_the_live_projections_built()
    {
        _ = app;   // the assembly fixture has set the host's configuration (signing key, sample county, solo durability)
        await using (host = await StartHost(await TestDatabases.FreshAsync("whistle_tests_rebuild")))
        {
            await MixedHistory();
            var erased = await ClosedAndErased();
            await CatchUp();
            var rebuilds = host.Services.GetRequiredService<ProjectionRebuilds>();
            var catalogue = rebuilds.Catalogue();
            var live = await Snapshot(rebuilds, catalogue.Entries);
            var events = await EventCount();
            // Documents lost or changed by hand come back from the events: the rebuild really replays.
            await Execute($"delete from {rebuilds.TableOf(typeof(ScoredAssignment))}");
            await Execute($"update {rebuilds.TableOf(typeof(ComplaintDetails))} set data = '{{}}'::jsonb");

            var watch = Stopwatch.StartNew();
            var report = await (await Send(Tokens.Admin, x => x.Post.Json(Empty, JsonStyle.MinimalApi).ToUrl("/api/admin/projections/rebuild"), 200))
                .ReadAsJsonAsync<ProjectionRebuildReport>();
            watch.Stop();
            output.WriteLine($"History: {events} events; every projection rebuilt in {watch.Elapsed.TotalSeconds:F2} s.");
            foreach (var r in report!.Rebuilt)
                output.WriteLine($"  {r.Name} ({r.Lifecycle}): {r.EventsRead} events read, {r.DocumentsWritten} documents, {r.Seconds:F2} s");
            foreach (var (name, documents) in live)
                output.WriteLine($"  live {name}: {documents.Count} documents compared");

            report.Rebuilt.Select(r => r.Name).ShouldBe(catalogue.FullRebuildOrder().Select(e => e.Name));
            var rebuilt = await Snapshot(rebuilds, catalogue.Entries);
            foreach (var projection in catalogue.Entries.Where(p => p.Lifecycle == ProjectionLifecycle.Async))
                live[projection.Name].Count.ShouldBeGreaterThan(0, $"{projection.Name} has no documents: the history does not exercise it");
            foreach (var projection in catalogue.Entries)
            {
                var (before, after) = (live[projection.Name], rebuilt[projection.Name]);
                if (projection.Lifecycle == ProjectionLifecycle.Inline) (before, after) = (ToMicroseconds(before), ToMicroseconds(after));
                after.ShouldBe(before, $"{projection.Name} differs after the rebuild");
            }
            report.Rebuilt.Single(r => r.Name == "ScoredAssignment").DocumentsWritten.ShouldBe(live["ScoredAssignment"].Count);
            // The complaint whose complainant was erased rebuilt as it stood, and still reads as erased.
            var details = await (await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints/{erased}"), 200)).ReadAsJsonAsync<ComplaintDetails>();
            details!.Complainant.ShouldBe(new Complainant("（已删除）", "（已删除）", "（已删除）"));

            // One projection alone: its readers follow it.
            var one = await (await Send(Tokens.Admin, x => x.Post.Json(Empty, JsonStyle.MinimalApi)
                .ToUrl("/api/admin/projections/WhistleDetails/rebuild"), 200)).ReadAsJsonAsync<ProjectionRebuildReport>();
            one!.Rebuilt.Select(r => r.Name).Order().ShouldBe(["TerritoryCase", "WatchedAssignment", "WhistleDetails"]);
            one.Rebuilt[0].Name.ShouldBe("WhistleDetails");

            // The daemon goes on after the rebuilds: a new case reaches the territories' cases.
            var cases = await TerritoryCases();
            var lodged = await Lodge("utilities");
            await CatchUp();
            (await TerritoryCases()).ShouldBe(cases + 1);   // one document per complaint, read by its community's and its sub-district's scorecards
            await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(County))
                (await session.LoadAsync<Whistle.Assessment.Territories.TerritoryCase>(lodged, TestContext.Current.CancellationToken))!
                    .Community.ShouldBe("CM0101");
        }
    }

    /// <summary>
    /// A complaint taken to its close, then its complainant erased (the key deleted). Erasure changes no projected
    /// document: every document read before it is read the same after it, and the rebuild below replays the erased
    /// complaint's sealed events like any other.
    /// </summary>
    private async Task<Guid> ClosedAndErased()
    {
        var id = await Lodge("property-service");
        await Post(Tokens.Clerk, $"/api/complaints/{id}/accept", Empty);
        await Post(Tokens.Clerk, $"/api/complaints/{id}/resolve", new ResolveComplaint("已整改。"));
        await Post(Tokens.Clerk, $"/api/complaints/{id}/follow-up", new RecordFollowUp(Satisfaction.Satisfied, null));
        await Post(Tokens.Clerk, $"/api/complaints/{id}/close", Empty);
        await CatchUp();
        var rebuilds = host.Services.GetRequiredService<ProjectionRebuilds>();
        var before = await Snapshot(rebuilds, rebuilds.Catalogue().Entries);

        await Post(Tokens.Admin, $"/api/complaints/{id}/personal-data/erasure", new Whistle.Privacy.ErasePersonalData(Whistle.Privacy.ErasureBasis.Request, "个人信息删除申请 2026-017 号"));
        await CatchUp();

        var after = await Snapshot(rebuilds, rebuilds.Catalogue().Entries);
        foreach (var (name, documents) in before) after[name].ShouldBe(documents, $"{name} changed with the erasure");
        return id;
    }

    /// <summary>
    /// Complaints of several categories; whistles whose sign-for deadlines pass, one rejected and overruled, one rejected
    /// and reassigned, one replied, concluded and rated (both ways); a score appeal upheld; a joint meeting whose resolution's
    /// whistle is signed for; a fee dispute through a failed mediation to the credit record;
    /// and an owner's mediation against the company ending in an agreement.
    /// </summary>
    private async Task MixedHistory()
    {
        var rated = await Lodge("property-service");
        await Post(Tokens.Clerk, $"/api/complaints/{rated}/accept", Empty);
        await Post(Tokens.Clerk, $"/api/complaints/{rated}/resolve", new ResolveComplaint("已清理楼道垃圾并整改保洁排班。"));
        await Post(Tokens.Clerk, $"/api/complaints/{rated}/follow-up", new RecordFollowUp(Satisfaction.Satisfied, null));
        await Lodge("utilities");

        var (missed, missedTracked) = await Blow();
        var (overruled, _) = await Blow();
        var (reassigned, _) = await Blow();
        var (concluded, _) = await Blow();

        await Act(Tokens.Gongan, overruled, "gongan", "sign-for", Empty);
        await Act(Tokens.Chengguan, overruled, "chengguan", "reject", new RejectAssignment("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路"));
        await Act(Tokens.Office, overruled, "chengguan", "arbitrate", new ArbitrateRejection(ArbitrationRuling.Overruled, "占用消防通道属城管配合职责"));
        await Act(Tokens.Chengguan, reassigned, "chengguan", "reject", new RejectAssignment("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路"));
        await Act(Tokens.Office, reassigned, "chengguan", "arbitrate", new ArbitrateRejection(ArbitrationRuling.Upheld, "属物业管理区域，改派住建", "zhujian"));

        foreach (var (officer, department) in new[] { (Tokens.Gongan, "gongan"), (Tokens.Chengguan, "chengguan") })
        {
            await Act(officer, concluded.Whistle, department, "sign-for", Empty);
            await Act(officer, concluded.Whistle, department, "reply", new ReplyToAssignment("已到场处置"));
        }
        await Post(Tokens.Community, $"/api/whistles/{concluded.Whistle}/conclude", new ConcludeWhistle(
            [new("gongan", 5, "响应迅速"), new("chengguan", 3, "一般")]));
        await Post(Tokens.Community, $"/api/complaints/{concluded.Complaint}/resolve", new ResolveComplaint("部门已处置完毕"));
        await Post(Tokens.Community, $"/api/complaints/{concluded.Complaint}/follow-up", new RecordFollowUp(Satisfaction.BasicallySatisfied, null));

        // A day passes with nobody signing for the first whistle: its scheduled sign-for deadlines are played.
        clock.Advance(TimeSpan.FromHours(25));
        foreach (var deadline in missedTracked.Scheduled.MessagesOf<WhistleDeadlineReached>().Where(m => m.Kind == DeadlineKind.SignFor))
            await host.ExecuteAndWaitAsync(bus => bus.InvokeForTenantAsync(County, deadline), 30_000);
        (await EventsOf(missed.Whistle)).Count(e => e.Data is AssignmentOverdue).ShouldBe(2);

        // 公安 appeals its missed sign-for and the office upholds it; 城管 rates the community that whistled it.
        var signForDue = missedTracked.Scheduled.MessagesOf<WhistleDeadlineReached>().First(m => m.Department == "gongan").DueAt;
        var appeal = (await (await Post(Tokens.Gongan, "/api/assessment/appeals",
            new LodgeScoreAppeal(missed.Whistle, "系统故障致无法签收。", DeadlineKind.SignFor, signForDue), 201))
            .ReadAsJsonAsync<ScoreAppealLodgedResponse>())!.AppealId;
        await Post(Tokens.Office, $"/api/assessment/appeals/{appeal}/rule", new RuleOnScoreAppeal(AppealRuling.Upheld, "经核实系平台故障。"));
        await Post(Tokens.Chengguan, $"/api/whistles/{concluded.Whistle}/assignments/chengguan/rate-whistler", new RateWhistler(4, 5, "配合到位"));

        // The joint meeting takes the missed whistle over; its resolution's whistle is signed for by 城管.
        var meeting = (await (await Post(Tokens.Office, "/api/joint-meetings", new ConveneJointMeeting(
            clock.GetUtcNow().AddHours(2), "县联席办主任", ["chengguan", "gongan"], "县政府三楼会议室"), 201))
            .ReadAsJsonAsync<JointMeetingConvenedResponse>())!.Id;
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda/items", new AddAgendaItem(missed.Whistle, null, "两部门均未签收"));
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/hold", new HoldJointMeeting(
            [new AttendanceInput("chengguan", true, "城管局副局长"), new AttendanceInput("gongan", false, AbsenceReason: "公务外出")]));
        var resolution = (await (await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", new AdoptResolution(
            1, "chengguan", ["gongan"], "三日内清理消防通道并设置隔离桩", clock.GetUtcNow().AddDays(5), "《消防法》第二十八条"), 201))
            .ReadAsJsonAsync<ResolutionDispatchedResponse>())!;
        await Act(Tokens.Chengguan, resolution.WhistleId, "chengguan", "sign-for", Empty);

        var today = MediationTimes.Day(clock.GetUtcNow());
        var dispute = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元501", new OwnerInput("赵五", "13700001234"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2400m), 201)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!.Id;
        await Post(Tokens.Mediator, $"/api/fee-disputes/{dispute}/demand", new IssueDemand(2400m, today.AddDays(10)));
        var referred = (await (await Post(Tokens.Mediator, $"/api/fee-disputes/{dispute}/mediation", new ReferFeeDisputeToMediation(), 201))
            .ReadAsJsonAsync<MediationStarted>())!.MediationCaseId;
        await Consented(referred);
        clock.Advance(TimeSpan.FromDays(11));
        await Post(Tokens.Mediator, $"/api/mediation/cases/{referred}/fail", new RecordMediationFailure("双方对欠费金额分歧过大"));
        await Post(Tokens.Mediator, $"/api/fee-disputes/{dispute}/credit-referral", new ReferToCreditRecord("调解不成且催告期满仍拒不缴费"));

        var agreed = (await (await Post(Tokens.Mediator, "/api/mediation/cases", new OpenMediationCase(
            new PartyInput("王大妈", "13900002222"), new PartyInput("安澜县卓越物业服务有限公司", "13962884419", IsOrganisation: true),
            "电梯长期故障，业主要求物业减免费用。", CompoundCode: "CP010101"), 201)).ReadAsJsonAsync<OpenedMediationCase>())!.Id;
        await Consented(agreed);
        await Post(Tokens.Mediator, $"/api/mediation/cases/{agreed}/mediator", new AssignMediator("mediator", "mediator 测试", MediatorSelection.Appointed));
        await Post(Tokens.Mediator, $"/api/mediation/cases/{agreed}/sessions", new RecordMediationSession(
            clock.GetUtcNow(), ["王大妈", "物业代表"], "双方陈述了电梯故障的经过。", [], null));
        await Post(Tokens.Mediator, $"/api/mediation/cases/{agreed}/agreement", new SignAgreement(
            "电梯长期故障属物业维保不到位。", "物业于十五日内修复电梯并减免一个月物业费。", "修复后由业委会验收。",
            MediationTimes.Day(clock.GetUtcNow()).AddDays(15)));
    }

    private async Task<Guid> Lodge(string category) =>
        (await (await Post(Tokens.Clerk, "/api/complaints", new LodgeComplaint(ComplaintChannel.Hotline, category, "CP010101",
            new ComplainantInput("张三", "13812345678", "东关花园3号楼2单元"), "楼下消防通道长期被私家车占用，影响救援。"), 201))
            .ReadAsJsonAsync<LodgedComplaint>())!.Id;

    /// <summary>An accepted illegal-parking complaint of 东关社区 whistled to 公安 (lead) and 城管; the session holds its deadlines.</summary>
    private async Task<((Guid Complaint, Guid Whistle), ITrackedSession Tracked)> Blow()
    {
        var complaint = await Lodge("illegal-parking");
        await Post(Tokens.Community, $"/api/complaints/{complaint}/accept", Empty);
        IScenarioResult blown = null!;
        var tracked = await host.ExecuteAndWaitAsync(async () =>
            blown = await Post(Tokens.Community, $"/api/complaints/{complaint}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201), 30_000);
        return ((complaint, (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId), tracked);
    }

    private Task<IScenarioResult> Act(Tokens.User officer, Guid whistle, string department, string action, object body) =>
        Post(officer, $"/api/whistles/{whistle}/assignments/{department}/{action}", body);

    private Task<IScenarioResult> Act(Tokens.User officer, (Guid Complaint, Guid Whistle) whistled, string department, string action, object body) =>
        Act(officer, whistled.Whistle, department, action, body);

    private async Task Consented(Guid mediationCase)
    {
        await Post(Tokens.Mediator, $"/api/mediation/cases/{mediationCase}/consent", new RecordConsent(PartySide.Applicant, true));
        await Post(Tokens.Mediator, $"/api/mediation/cases/{mediationCase}/consent", new RecordConsent(PartySide.Respondent, true));
        await Post(Tokens.Mediator, $"/api/mediation/cases/{mediationCase}/accept", Empty);
    }

    /// <summary>Pauses the daemon, catches every projection and subscription up to the last event, and waits for what followed.</summary>
    private Task<ITrackedSession> CatchUp() =>
        host.TrackActivity().Timeout(TimeSpan.FromSeconds(120)).DoNotAssertOnExceptionsDetected().PauseThenCatchUpOnMartenDaemonActivity()
            .ExecuteAndWaitAsync((IMessageContext _) => Task.CompletedTask);

    private Task<Dictionary<string, List<string>>> Snapshot(ProjectionRebuilds rebuilds, IReadOnlyList<ProjectionEntry> projections) =>
        ProjectionSnapshots.TakeAsync(host.Services, rebuilds, projections);

    private static List<string> ToMicroseconds(List<string> documents) => ProjectionSnapshots.ToMicroseconds(documents);

    private async Task Execute(string sql)
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> EventCount()
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("select count(*) from whistle.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> TerritoryCases()
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(County);
        return await session.Query<Whistle.Assessment.Territories.TerritoryCase>().CountAsync();
    }

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsOf(Guid stream)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(County);
        return await session.Events.FetchStreamAsync(stream);
    }

    private Task<IScenarioResult> Post(Tokens.User user, string url, object body, int status = 200) =>
        Send(user, x => x.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url), status);

    private Task<IScenarioResult> Send(Tokens.User user, Action<Scenario> scenario, int status) =>
        host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, County));
            scenario(x);
            x.StatusCodeShouldBe(status);
        });

    private Task<IAlbaHost> StartHost(string connectionString) =>
        AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<INoticeGateway>(new FakeNoticeGateway());
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.ConfigureMarten(opts => opts.Connection(connectionString));
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
        }));
}
