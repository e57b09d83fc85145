using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Complaints;

/// <summary>
/// The complaint's time limits over HTTP: each step's due time recorded and scheduled, the reminder and the deadline
/// played on demand with the injectable clock (never by sleeping), the overdue flag in the details and the list.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class ComplaintTimeLimitsEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>Runs a request in a tracked session, so the messages it schedules can be read and played.</summary>
    private async Task<(T Answer, ITrackedSession Tracked)> Tracked<T>(Func<Task<IScenarioResult>> request)
    {
        IScenarioResult result = null!;
        var tracked = await Tracked(async () => result = await request(), 30_000);
        return ((await result.ReadAsJsonAsync<T>())!, tracked);
    }

    private Task<(LodgedComplaint Answer, ITrackedSession Tracked)> LodgeTracked(
        ComplaintUrgency? urgency = null, string category = "illegal-parking", string county = AppFixture.County) =>
        Tracked<LodgedComplaint>(() => Post(Tokens.Clerk, "/api/complaints", NewComplaint("CP010101", category) with { Urgency = urgency }, 201, county));

    private Task<ITrackedSession> Deliver(object message, string county = AppFixture.County) =>
        Tracked(bus => bus.InvokeForTenantAsync(county, message), 30_000);

    private async Task<ComplaintDetails> DetailsIn(string county, Guid id) =>
        await Get<ComplaintDetails>(Tokens.Clerk, $"/api/complaints/{id}", county);

    [Fact]
    public async Task each_step_is_timed_by_the_policy_in_force_and_its_reminder_and_deadline_are_scheduled()
    {
        var lodgedAt = App.Clock.GetUtcNow();
        var (lodged, tracked) = await LodgeTracked();

        var details = await Details(lodged.Id);
        details.Urgency.ShouldBe(ComplaintUrgency.Ordinary);
        details.NextDue.ShouldNotBeNull();
        (details.NextDue.Step, details.NextDue.DueAt, details.NextDue.RemindAt).ShouldBe(
            (ComplaintStep.Accept, lodgedAt.AddHours(24), lodgedAt.AddHours(18)));
        (details.NextDue.PolicyVersion, details.NextDue.CalendarVersion).ShouldBe((1, 0));   // the sample county's policy
        details.Overdue.ShouldBeFalse();
        tracked.Scheduled.MessagesOf<ComplaintDeadlineReached>().Where(m => m.ComplaintId == lodged.Id).ShouldBe([new ComplaintDeadlineReached(lodged.Id, ComplaintStep.Accept, lodgedAt.AddHours(24))]);
        tracked.Scheduled.MessagesOf<ComplaintReminderDue>().Where(m => m.ComplaintId == lodged.Id).ShouldBe([new ComplaintReminderDue(lodged.Id, ComplaintStep.Accept, lodgedAt.AddHours(24))]);
        tracked.Scheduled.Envelopes().Select(e => e.ScheduledTime).ShouldBe([lodgedAt.AddHours(18), lodgedAt.AddHours(24)], ignoreOrder: true);
        tracked.Scheduled.Envelopes().ShouldAllBe(e => e.TenantId == AppFixture.County);

        var (accepted, afterAcceptance) = await Tracked<ComplaintAnswer>(() => Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", Empty));
        accepted.NextDue!.Step.ShouldBe(ComplaintStep.Resolve);
        afterAcceptance.Scheduled.MessagesOf<ComplaintDeadlineReached>().Where(m => m.ComplaintId == lodged.Id).ShouldHaveSingleItem().Step.ShouldBe(ComplaintStep.Resolve);
        (await Details(lodged.Id)).NextDue!.Step.ShouldBe(ComplaintStep.Resolve);

        var (_, afterResolution) = await Tracked<ComplaintAnswer>(() => Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/resolve", new ResolveComplaint("车辆已挪走")));
        afterResolution.Scheduled.MessagesOf<ComplaintDeadlineReached>().Where(m => m.ComplaintId == lodged.Id).ShouldHaveSingleItem().Step.ShouldBe(ComplaintStep.FollowUp);
        (await Details(lodged.Id)).NextDue!.Step.ShouldBe(ComplaintStep.FollowUp);

        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/follow-up", new RecordFollowUp(Satisfaction.Satisfied, null));
        (await Details(lodged.Id)).NextDue.ShouldBeNull();
    }

    [Fact]
    public async Task the_reminder_goes_out_once_then_a_missed_due_time_marks_the_complaint_overdue_once_until_the_step_is_done()
    {
        var (lodged, tracked) = await LodgeTracked(ComplaintUrgency.Emergency);
        var reminder = tracked.Scheduled.MessagesOf<ComplaintReminderDue>().Where(m => m.ComplaintId == lodged.Id).ShouldHaveSingleItem();
        var deadline = tracked.Scheduled.MessagesOf<ComplaintDeadlineReached>().Where(m => m.ComplaintId == lodged.Id).ShouldHaveSingleItem();

        App.Clock.Advance(TimeSpan.FromMinutes(50));
        await Deliver(reminder);
        await Deliver(reminder);
        (await Details(lodged.Id)).Overdue.ShouldBeFalse();

        App.Clock.Advance(TimeSpan.FromMinutes(20));   // past the emergency's one hour to accept
        await Deliver(deadline);
        await Deliver(deadline);   // redelivered: nothing more

        var overdue = await Details(lodged.Id);
        overdue.Overdue.ShouldBeTrue();
        overdue.NextDue!.Step.ShouldBe(ComplaintStep.Accept);
        var events = await EventsOf(lodged.Id);
        var sent = events.Where(e => e.Data is ComplaintReminderSent).ShouldHaveSingleItem();
        sent.UserName.ShouldBe(ITimePassed.Clock);
        ((ComplaintReminderSent)sent.Data).Told.ShouldBe([Audience.Community("CM0101")]);
        var missed = events.Where(e => e.Data is ComplaintOverdue).ShouldHaveSingleItem();
        missed.UserName.ShouldBe(ITimePassed.Clock);
        ((ComplaintOverdue)missed.Data).ShouldBe(new ComplaintOverdue(
            lodged.Id, ComplaintStep.Accept, deadline.DueAt, App.Clock.GetUtcNow(), ((ComplaintOverdue)missed.Data).Told));
        ((ComplaintOverdue)missed.Data).Told.ShouldBe([Audience.Community("CM0101"), Audience.Office]);

        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", Empty);

        var accepted = await Details(lodged.Id);
        accepted.Overdue.ShouldBeFalse();
        accepted.NextDue!.Step.ShouldBe(ComplaintStep.Resolve);
        accepted.Missed.ShouldHaveSingleItem().Step.ShouldBe(ComplaintStep.Accept);
    }

    [Fact]
    public async Task the_reminder_and_deadline_of_a_step_done_in_time_do_nothing_when_they_come()
    {
        var (lodged, tracked) = await LodgeTracked();
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", Empty);
        App.Clock.Advance(TimeSpan.FromHours(25));

        var played = await tracked.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(30));

        played.Executed.MessagesOf<ComplaintReminderDue>().Where(m => m.ComplaintId == lodged.Id).ShouldHaveSingleItem();
        played.Executed.MessagesOf<ComplaintDeadlineReached>().Where(m => m.ComplaintId == lodged.Id).ShouldHaveSingleItem();
        (await EventsOf(lodged.Id)).Select(e => e.Data.GetType()).ShouldBe([typeof(ComplaintLodged), typeof(ComplaintAccepted)]);
        (await Details(lodged.Id)).Overdue.ShouldBeFalse();
    }

    [Fact]
    public async Task the_list_shows_each_complaint_s_step_due_and_keeps_the_overdue_ones_in_the_query()
    {
        var county = await App.NewCountyAsync();
        var (late, lateTracked) = await LodgeTracked(ComplaintUrgency.Emergency, county: county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var (onTime, _) = await LodgeTracked(county: county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var (handled, _) = await LodgeTracked(county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{handled.Id}/accept", Empty, county: county);
        App.Clock.Advance(TimeSpan.FromHours(2));
        await Deliver(lateTracked.Scheduled.MessagesOf<ComplaintDeadlineReached>().Single(m => m.ComplaintId == late.Id), county);

        async Task<List<ComplaintListItem>> Listed(string query) =>
            [.. (await Get<ComplaintPage>(Tokens.Clerk, $"/api/complaints?{query}", county)).Items];

        (await Listed("overdue=true")).Select(i => i.Id).ShouldBe([late.Id]);
        (await Listed("overdue=false")).Select(i => i.Id).ShouldBe([handled.Id, onTime.Id]);
        (await Listed("overdue=true&status=Accepted")).ShouldBeEmpty();
        var all = await Listed("");
        all.Select(i => (i.Id, i.Urgency, i.NextStep, i.Overdue)).ShouldBe(
        [
            (handled.Id, ComplaintUrgency.Ordinary, ComplaintStep.Resolve, false),
            (onTime.Id, ComplaintUrgency.Ordinary, ComplaintStep.Accept, false),
            (late.Id, ComplaintUrgency.Emergency, ComplaintStep.Accept, true),
        ]);
        all.Single(i => i.Id == late.Id).NextDue.ShouldBe((await DetailsIn(county, late.Id)).NextDue!.DueAt);
        (await DetailsIn(county, late.Id)).Overdue.ShouldBeTrue();
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    public async Task overdue_that_is_not_true_or_false_is_400_naming_overdue(string value)
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints?overdue={value}"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["overdue"]);
    }

    [Fact]
    public async Task a_county_s_own_complaint_limits_time_the_complaints_lodged_after_it_publishes_them()
    {
        var county = await App.NewCountyAsync();
        static IntervalInput Hours(int n) => new(n, IntervalUnit.Hours, IntervalBasis.Calendar);
        static IntervalInput WorkingDays(int n) => new(n, IntervalUnit.Days, IntervalBasis.Working);
        var policy = await Get<DeadlinePolicy>(Tokens.Admin, "/api/deadline-policy", county);
        var rules = policy.Rules.Select(r => new DeadlineRuleInput(
            r.WhistleType, new(r.SignFor.Amount, r.SignFor.Unit, r.SignFor.Basis), new(r.Reply.Amount, r.Reply.Unit, r.Reply.Basis), r.ReminderAt)).ToList();
        var limits = new ComplaintLimitsInput(
        [
            new(ComplaintUrgency.Emergency, Hours(1), Hours(2), WorkingDays(1), 0.75),
            new(ComplaintUrgency.Ordinary, Hours(2), WorkingDays(5), WorkingDays(1), 0.5),
            new(ComplaintUrgency.Complex, Hours(24), WorkingDays(15), WorkingDays(1), 0.75),
        ],
        [new ComplaintCategoryLimitInput("fire-lane-blocked", Accept: Hours(1))]);

        await Send(Tokens.Admin, x => x.Put.Json(new PublishDeadlinePolicy(rules, "投诉两小时内受理", limits), JsonStyle.MinimalApi)
            .ToUrl("/api/deadline-policy"), 200, county);
        var lodgedAt = App.Clock.GetUtcNow();
        var (parking, _) = await LodgeTracked(county: county);
        var (fireLane, _) = await LodgeTracked(category: "fire-lane-blocked", county: county);

        var due = (await DetailsIn(county, parking.Id)).NextDue!;
        (due.DueAt, due.RemindAt, due.PolicyVersion).ShouldBe((lodgedAt.AddHours(2), lodgedAt.AddHours(1), 2));
        var ceiling = (await DetailsIn(county, fireLane.Id)).NextDue!;   // the category's hour is sooner than the urgency's two
        (ceiling.DueAt, ceiling.RemindAt).ShouldBe((lodgedAt.AddHours(1), lodgedAt.AddMinutes(30)));
        (await Get<DeadlinePolicy>(Tokens.Clerk, "/api/deadline-policy", county)).Complaints.Categories
            .ShouldBe([new ComplaintCategoryLimit("fire-lane-blocked", Accept: Interval.CalendarHours(1))]);
        // The sample county's version 1 was published before complaint limits existed: it reads, without them.
        (await Get<DeadlinePolicyPublished>(Tokens.Analyst, "/api/deadline-policy/versions/1", county)).Complaints.ShouldBeNull();
    }

    [Fact]
    public async Task complaint_limits_that_do_not_hold_are_400_naming_the_field_and_nothing_is_published()
    {
        var county = await App.NewCountyAsync();
        var body = """
            {"rules":[
              {"whistleType":"Emergency","signFor":{"amount":30,"unit":"Minutes","basis":"Calendar"},"reply":{"amount":24,"unit":"Hours","basis":"Calendar"},"reminderAt":0.75},
              {"whistleType":"Routine","signFor":{"amount":24,"unit":"Hours","basis":"Calendar"},"reply":{"amount":7,"unit":"Days","basis":"Working"},"reminderAt":0.75},
              {"whistleType":"Tough","signFor":{"amount":24,"unit":"Hours","basis":"Calendar"},"reply":{"amount":15,"unit":"Days","basis":"Working"},"reminderAt":0.75}],
             "complaints":{"urgencies":[
              {"urgency":"Emergency","accept":{"amount":0,"unit":"Hours","basis":"Calendar"},"resolve":{"amount":2,"unit":"Hours","basis":"Calendar"},"followUp":{"amount":1,"unit":"Days","basis":"Working"},"reminderAt":0.75},
              {"urgency":"Ordinary","accept":{"amount":24,"unit":"Hours","basis":"Calendar"},"resolve":{"amount":7,"unit":"Days","basis":"Working"},"followUp":{"amount":1,"unit":"Days","basis":"Working"},"reminderAt":0.75},
              {"urgency":"Complex","accept":{"amount":24,"unit":"Hours","basis":"Calendar"},"resolve":{"amount":15,"unit":"Days","basis":"Working"},"followUp":{"amount":1,"unit":"Days","basis":"Working"},"reminderAt":0.75}],
              "categories":[{"categoryId":"utilities"},null]}}
            """;

        var result = await Send(Tokens.Admin, x => x.Put.RawJson(body).ToUrl("/api/deadline-policy"), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys
            .ShouldBe(["complaints.urgencies[0].accept.amount", "complaints.categories[0]", "complaints.categories[1]"], ignoreOrder: true);
        (await Get<DeadlinePolicy>(Tokens.Clerk, "/api/deadline-policy", county)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task lodging_with_an_urgency_that_is_none_of_the_three_is_400()
    {
        var body = """
            {"channel":"Hotline","categoryId":"illegal-parking","compoundId":"CP010101",
             "complainant":{"name":"张三","phone":"13812345678"},"description":"消防通道被占","urgency":"Whenever"}
            """;

        await Send(Tokens.Clerk, x => x.Post.RawJson(body).ToUrl("/api/complaints"), 400);
    }
}
