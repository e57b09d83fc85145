using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Deadlines;

/// <summary>The complaints' part of PUT /api/deadline-policy: optional, checked field by field, recorded whole on the version.</summary>
public class PublishComplaintLimitsTests
{
    private static IntervalInput Hours(int n, IntervalBasis basis = IntervalBasis.Calendar) => new(n, IntervalUnit.Hours, basis);
    private static IntervalInput WorkingDays(int n) => new(n, IntervalUnit.Days, IntervalBasis.Working);

    private static readonly IReadOnlyList<DeadlineRuleInput> WhistleRules =
    [
        .. DeadlinePolicy.Default.Rules.Select(r => new DeadlineRuleInput(
            r.WhistleType, new IntervalInput(r.SignFor.Amount, r.SignFor.Unit, r.SignFor.Basis),
            new IntervalInput(r.Reply.Amount, r.Reply.Unit, r.Reply.Basis), r.ReminderAt)),
    ];

    private static readonly ComplaintLimitInput Emergency = new(ComplaintUrgency.Emergency, Hours(1), Hours(2), WorkingDays(1), 0.75);
    private static readonly ComplaintLimitInput Ordinary = new(ComplaintUrgency.Ordinary, Hours(8, IntervalBasis.Working), WorkingDays(5), WorkingDays(1), 0.8);
    private static readonly ComplaintLimitInput Complex = new(ComplaintUrgency.Complex, Hours(24), WorkingDays(15), WorkingDays(2), 0.75);

    private static PublishDeadlinePolicy Policy(ComplaintLimitsInput? complaints) => new(WhistleRules, "县里调整投诉时限", complaints);

    private static ComplaintLimitsInput Limits(params ComplaintLimitInput[] urgencies) => new(urgencies);

    [Fact]
    public void a_policy_without_complaint_limits_passes_and_its_version_carries_the_built_in_ones()
    {
        var command = new PublishDeadlinePolicy(WhistleRules, "只改吹哨时限");

        PublishDeadlinePolicyEndpoint.Validate(command).ShouldBeNoProblem();
        PublishDeadlinePolicyEndpoint.Publish(command, 2, Users.AdminActor, Now).Complaints.ShouldBe(ComplaintLimits.Default);
    }

    [Fact]
    public void the_built_in_limits_pass_the_validation_a_published_one_must()
    {
        static IntervalInput Input(Interval i) => new(i.Amount, i.Unit, i.Basis);
        static IntervalInput? Optional(Interval? i) => i is null ? null : Input(i);
        var limits = new ComplaintLimitsInput(
            [.. ComplaintLimits.Default.Urgencies.Select(u => new ComplaintLimitInput(u.Urgency, Input(u.Accept), Input(u.Resolve), Input(u.FollowUp), u.ReminderAt))],
            [.. ComplaintLimits.Default.Categories.Select(c => new ComplaintCategoryLimitInput(c.CategoryId, Optional(c.Accept), Optional(c.Resolve), Optional(c.FollowUp)))]);

        PublishDeadlinePolicyEndpoint.Validate(Policy(limits)).ShouldBeNoProblem();
    }

    [Fact]
    public void the_version_records_the_limits_given_in_urgency_order_with_the_categories_as_given()
    {
        var command = Policy(new ComplaintLimitsInput(
            [Complex, Emergency, Ordinary],
            [new ComplaintCategoryLimitInput(" noise ", Accept: Hours(2)), new ComplaintCategoryLimitInput("utilities", Resolve: Hours(12))]));

        PublishDeadlinePolicyEndpoint.Validate(command).ShouldBeNoProblem();
        var complaints = PublishDeadlinePolicyEndpoint.Publish(command, 2, Users.AdminActor, Now).Complaints!;

        complaints.Urgencies.ShouldBe(
        [
            new ComplaintLimit(ComplaintUrgency.Emergency, Interval.CalendarHours(1), Interval.CalendarHours(2), Interval.WorkingDays(1), 0.75),
            new ComplaintLimit(ComplaintUrgency.Ordinary, Interval.WorkingHours(8), Interval.WorkingDays(5), Interval.WorkingDays(1), 0.8),
            new ComplaintLimit(ComplaintUrgency.Complex, Interval.CalendarHours(24), Interval.WorkingDays(15), Interval.WorkingDays(2), 0.75),
        ]);
        complaints.Categories.ShouldBe(
        [
            new ComplaintCategoryLimit("noise", Accept: Interval.CalendarHours(2)),
            new ComplaintCategoryLimit("utilities", Resolve: Interval.CalendarHours(12)),
        ]);
    }

    [Fact]
    public void an_urgency_without_limits_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Limits(Emergency, Ordinary)))
            .ShouldRejectField("complaints.urgencies", "Exactly one limit for Complex (found 0).");

    [Fact]
    public void an_urgency_given_twice_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Limits(Emergency, Ordinary, Complex, Ordinary with { ReminderAt = 0.5 })))
            .ShouldRejectField("complaints.urgencies", "Exactly one limit for Ordinary (found 2).");

    [Fact]
    public void complaint_limits_without_urgencies_name_every_urgency()
    {
        var problem = PublishDeadlinePolicyEndpoint.Validate(Policy(new ComplaintLimitsInput(null))).ShouldRejectFields("complaints.urgencies");

        problem.Errors["complaints.urgencies"].Length.ShouldBe(3);
    }

    [Fact]
    public void each_missing_interval_reminder_or_urgency_is_named() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Limits(
                Emergency, Ordinary, new ComplaintLimitInput(null, null, null, null, null))))
            .ShouldRejectFields(
                "complaints.urgencies", "complaints.urgencies[2].urgency", "complaints.urgencies[2].accept",
                "complaints.urgencies[2].resolve", "complaints.urgencies[2].followUp", "complaints.urgencies[2].reminderAt");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void an_interval_of_no_time_is_rejected(int amount) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Limits(Emergency, Ordinary with { Resolve = WorkingDays(amount) }, Complex)))
            .ShouldRejectField("complaints.urgencies[1].resolve.amount", "must be positive");

    [Fact]
    public void an_interval_of_more_than_a_year_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Limits(Emergency, Ordinary, Complex with { FollowUp = WorkingDays(367) })))
            .ShouldRejectField("complaints.urgencies[2].followUp.amount", "At most a year");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void a_reminder_falls_strictly_between_the_start_and_the_due_time(double reminderAt) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Limits(Emergency with { ReminderAt = reminderAt }, Ordinary, Complex)))
            .ShouldRejectField("complaints.urgencies[0].reminderAt", "strictly between 0 and 1");

    [Fact]
    public void a_category_named_twice_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new ComplaintLimitsInput(
                [Emergency, Ordinary, Complex],
                [new ComplaintCategoryLimitInput("utilities", Resolve: Hours(24)), new ComplaintCategoryLimitInput(" utilities", Accept: Hours(2))])))
            .ShouldRejectField("complaints.categories[1].categoryId", "The category appears twice.");

    [Fact]
    public void a_category_without_a_name_or_without_any_limit_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new ComplaintLimitsInput(
                [Emergency, Ordinary, Complex],
                [new ComplaintCategoryLimitInput(" ", Resolve: Hours(24)), new ComplaintCategoryLimitInput("noise")])))
            .ShouldRejectFields("complaints.categories[0].categoryId", "complaints.categories[1]");

    [Fact]
    public void an_empty_entry_in_either_list_is_named() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new ComplaintLimitsInput([Emergency, null!, Ordinary, Complex], [null!])))
            .ShouldRejectFields("complaints.urgencies[1]", "complaints.categories[0]");

    [Fact]
    public void a_category_s_interval_is_checked_like_any_other() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new ComplaintLimitsInput(
                [Emergency, Ordinary, Complex],
                [new ComplaintCategoryLimitInput("noise", FollowUp: new IntervalInput(2, null, IntervalBasis.Working))])))
            .ShouldRejectFields("complaints.categories[0].followUp.unit");

    [Fact]
    public void more_categories_than_the_limit_are_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new ComplaintLimitsInput(
                [Emergency, Ordinary, Complex],
                [.. Enumerable.Range(0, ComplaintTimeLimits.MaxCategories + 1).Select(i => new ComplaintCategoryLimitInput($"c{i}", Accept: Hours(2)))])))
            .ShouldRejectField("complaints.categories", "At most 200 categories.");
}
