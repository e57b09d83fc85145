using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Deadlines;

public class PublishDeadlinePolicyTests
{
    private static readonly IntervalInput ThirtyMinutes = new(30, IntervalUnit.Minutes, IntervalBasis.Calendar);
    private static readonly IntervalInput OneDay = new(24, IntervalUnit.Hours, IntervalBasis.Calendar);

    private static readonly DeadlineRuleInput Emergency = new(WhistleType.Emergency, ThirtyMinutes, OneDay, 0.75);
    private static readonly DeadlineRuleInput Routine =
        new(WhistleType.Routine, OneDay, new IntervalInput(5, IntervalUnit.Days, IntervalBasis.Working), 0.8);
    private static readonly DeadlineRuleInput Tough =
        new(WhistleType.Tough, OneDay, new IntervalInput(15, IntervalUnit.Days, IntervalBasis.Working), 0.75);

    private static PublishDeadlinePolicy Policy(params DeadlineRuleInput[] rules) => new(rules, "县里缩短日常哨时限");

    [Fact]
    public void one_rule_for_each_whistle_type_passes_validation() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Tough, Emergency, Routine)).ShouldBeNoProblem();

    [Fact]
    public void a_whistle_type_without_a_rule_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine)).ShouldRejectField("rules", "Exactly one rule for Tough (found 0).");

    [Fact]
    public void a_null_rule_is_rejected_by_its_place() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine, Tough, null!)).ShouldRejectField("rules[3]", "A rule, not null.");

    [Fact]
    public void a_whistle_type_given_two_rules_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine, Tough, Routine with { ReminderAt = 0.5 }))
            .ShouldRejectField("rules", "Exactly one rule for Routine (found 2).");

    [Fact]
    public void no_rules_at_all_name_every_whistle_type()
    {
        var problem = PublishDeadlinePolicyEndpoint.Validate(new PublishDeadlinePolicy(null, null)).ShouldRejectFields("rules");

        problem.Errors["rules"].Length.ShouldBe(3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(null)]
    public void an_interval_of_no_time_is_rejected(int? amount) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency with { SignFor = ThirtyMinutes with { Amount = amount } }, Routine, Tough))
            .ShouldRejectField("rules[0].signFor.amount", "must be positive");

    [Theory]
    [InlineData(525_601, IntervalUnit.Minutes)]
    [InlineData(8_761, IntervalUnit.Hours)]
    [InlineData(367, IntervalUnit.Days)]
    public void an_interval_of_more_than_a_year_is_rejected(int amount, IntervalUnit unit) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine, Tough with { Reply = new IntervalInput(amount, unit, IntervalBasis.Calendar) }))
            .ShouldRejectField("rules[2].reply.amount", "At most a year");

    [Theory]
    [InlineData(525_600, IntervalUnit.Minutes)]
    [InlineData(8_760, IntervalUnit.Hours)]
    [InlineData(366, IntervalUnit.Days)]
    public void an_interval_of_up_to_a_year_is_accepted(int amount, IntervalUnit unit) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine, Tough with { Reply = new IntervalInput(amount, unit, IntervalBasis.Working) }))
            .ShouldBeNoProblem();

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    public void a_reminder_falls_strictly_between_the_start_and_the_due_time(double reminderAt) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine with { ReminderAt = reminderAt }, Tough))
            .ShouldRejectField("rules[1].reminderAt", "strictly between 0 and 1");

    [Fact]
    public void a_missing_interval_or_reminder_is_rejected() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency with { SignFor = null, Reply = null, ReminderAt = null }, Routine, Tough))
            .ShouldRejectFields("rules[0].signFor", "rules[0].reply", "rules[0].reminderAt");

    [Fact]
    public void an_interval_needs_a_known_unit_and_basis() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency with { Reply = new IntervalInput(24, null, (IntervalBasis)7) }, Routine, Tough))
            .ShouldRejectFields("rules[0].reply.unit", "rules[0].reply.basis");

    [Fact]
    public void the_first_policy_a_county_publishes_is_version_1_with_its_rules_in_type_order()
    {
        var published = PublishDeadlinePolicyEndpoint.Publish(Policy(Tough, Routine, Emergency), 0, Users.AdminActor, Now);

        published.PolicyId.ShouldBe(DeadlinePolicy.StreamId);
        published.Version.ShouldBe(1);
        // Left out, the rejection window, the ruling time and the notice interval are the built-in ones of the type,
        // and the ruling is reminded at the rule's own reminder fraction.
        published.Rules.ShouldBe(
        [
            new DeadlineRule(WhistleType.Emergency, Interval.CalendarMinutes(30), Interval.CalendarHours(24), 0.75,
                Interval.CalendarHours(1), Interval.CalendarHours(2), 0.75, Interval.WorkingDays(5)),
            new DeadlineRule(WhistleType.Routine, Interval.CalendarHours(24), Interval.WorkingDays(5), 0.8,
                Interval.WorkingDays(1), Interval.WorkingDays(2), 0.8, Interval.WorkingDays(5)),
            new DeadlineRule(WhistleType.Tough, Interval.CalendarHours(24), Interval.WorkingDays(15), 0.75,
                Interval.WorkingDays(3), Interval.WorkingDays(3), 0.75, Interval.WorkingDays(5)),
        ]);
        published.Note.ShouldBe("县里缩短日常哨时限");
        published.By.ShouldBe(Users.AdminActor);
        published.At.ShouldBe(Now);
    }

    [Fact]
    public void a_rule_may_set_its_own_rejection_window_ruling_time_and_notice_interval()
    {
        var routine = Routine with
        {
            RejectionWindow = new IntervalInput(4, IntervalUnit.Hours, IntervalBasis.Working),
            Ruling = new IntervalInput(1, IntervalUnit.Days, IntervalBasis.Working),
            RulingReminderAt = 0.5,
            BreachNotice = new IntervalInput(3, IntervalUnit.Days, IntervalBasis.Working),
        };

        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, routine, Tough)).ShouldBeNoProblem();
        var policy = DeadlinePolicy.Create(PublishDeadlinePolicyEndpoint.Publish(Policy(Emergency, routine, Tough), 0, Users.AdminActor, Now));

        policy.RejectionWindow(WhistleType.Routine).ShouldBe(Interval.WorkingHours(4));
        policy.Ruling(WhistleType.Routine).ShouldBe(Interval.WorkingDays(1));
        policy.RulingReminderAt(WhistleType.Routine).ShouldBe(0.5);
        policy.BreachNotice(WhistleType.Routine).ShouldBe(Interval.WorkingDays(3));
        policy.RejectionWindow(WhistleType.Tough).ShouldBe(Interval.WorkingDays(3));
    }

    [Fact]
    public void a_rejection_window_ruling_time_or_notice_interval_given_must_be_a_valid_interval() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency with
            {
                RejectionWindow = ThirtyMinutes with { Amount = 0 },
                Ruling = new IntervalInput(2, null, IntervalBasis.Calendar),
                BreachNotice = new IntervalInput(367, IntervalUnit.Days, IntervalBasis.Working),
            }, Routine, Tough))
            .ShouldRejectFields("rules[0].rejectionWindow.amount", "rules[0].ruling.unit", "rules[0].breachNotice.amount");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void a_ruling_reminder_given_falls_strictly_between_the_rejection_and_the_ruling_due_time(double reminderAt) =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(Emergency, Routine with { RulingReminderAt = reminderAt }, Tough))
            .ShouldRejectField("rules[1].rulingReminderAt", "strictly between 0 and 1");

    [Fact]
    public void a_new_policy_is_the_next_version_of_the_current_one() =>
        PublishDeadlinePolicyEndpoint.Publish(Policy(Emergency, Routine, Tough), 2, Users.AdminActor, Now).Version.ShouldBe(3);

    [Fact]
    public void the_note_is_trimmed_and_may_be_left_out()
    {
        PublishDeadlinePolicyEndpoint.Publish(new PublishDeadlinePolicy([Emergency, Routine, Tough], " 第三版 "), 2, Users.AdminActor, Now)
            .Note.ShouldBe("第三版");
        PublishDeadlinePolicyEndpoint.Publish(new PublishDeadlinePolicy([Emergency, Routine, Tough], null), 2, Users.AdminActor, Now)
            .Note.ShouldBeNull();
    }

    [Fact]
    public void the_published_version_becomes_the_policy_in_force()
    {
        var policy = DeadlinePolicy.Create(PublishDeadlinePolicyEndpoint.Publish(Policy(Emergency, Routine, Tough), 0, Users.AdminActor, Now));

        policy.Version.ShouldBe(1);
        policy.Rule(WhistleType.Routine).Reply.ShouldBe(Interval.WorkingDays(5));
        policy.Rule(WhistleType.Routine).ReminderAt.ShouldBe(0.8);
        policy.PublishedBy.ShouldBe(Users.AdminActor);
        policy.PublishedAt.ShouldBe(Now);
    }
}
