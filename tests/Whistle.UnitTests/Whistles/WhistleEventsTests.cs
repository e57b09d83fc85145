using System.Text.Json;
using Shouldly;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

/// <summary>The catalogue of whistle events: Marten is told every one, and every fold knows each.</summary>
public class WhistleEventsTests
{
    /// <summary>The types of the folder that carry a whistle id and a business time, minus the scheduled messages.</summary>
    private static readonly Type[] Declared = typeof(WhistleBlown).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(WhistleBlown).Namespace
            && t.GetProperty("WhistleId")?.PropertyType == typeof(Guid)
            && t.GetProperty("At")?.PropertyType == typeof(DateTimeOffset)
            && !typeof(ITimePassed).IsAssignableFrom(t))
        .ToArray();

    /// <summary>One event of each type, in an order a stream could hold them.</summary>
    private static object[] OneOfEach =>
    [
        Blown(),
        Reminded(Lead, DeadlineKind.SignFor, Original.SignForDue, Original.SignForReminder),
        Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue),
        Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, DeadlinesFrom(Original.SignForDue), Original.SignForDue),
        Overdue(CoHandler, DeadlineKind.SignFor, Original.SignForDue),
        RenewedInRound(WhistleLevel.SubDistrict, CoHandler, DeadlineKind.SignFor, SignForRenewedFrom(Original.SignForDue, Original), Original.SignForDue),
        Noticed(Lead, DeadlineKind.SignFor, Original.SignForDue, Original.SignForDue.AddDays(7)),
        SignedFor(Lead),
        ExtensionAsked(Lead, Original.ReplyDue.AddDays(5)),
        Granted(Lead, Original.ReplyDue.AddDays(5), Original.ReplyDue.AddDays(4)),
        ExtensionAsked(Lead, Original.ReplyDue.AddDays(9)),
        Refused(Lead),
        Rejected(CoHandler),
        Paused(CoHandler),
        RulingReminded(CoHandler),
        RulingMissed(CoHandler),
        Supervised(CoHandler, WhistleLevel.SubDistrict),
        new WhistleTakenOverByMeeting(WhistleId, Guid.Parse("019ca8f0-3000-7000-8000-00000000c001"), 1,
            Guid.Parse("019ca8f0-3000-7000-8000-00000000c002"), OtherWhistleId, Users.OfficeActor, RejectedAt),
        PauseEnded(CoHandler),
        Upheld(CoHandler, Other, DeadlinesFrom(BlownAt.AddHours(4)), AssignmentRole.CoHandling),
        Replied(Lead),
        Returned(Lead, DeadlinesFrom(BlownAt.AddDays(4))),
        Replied(Lead),
        SignedFor(Other),
        Replied(Other),
        Rated(Lead),
        Rated(Other),
        Concluded(Lead, Other),
        new WhistlerRated(WhistleId, Lead, ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId, 4, 5, null, Officer(Lead), BlownAt.AddDays(6)),
    ];

    [Fact]
    public void the_catalogue_holds_every_whistle_event_once_the_first_first() =>
        WhistleEventTypes.All.ShouldBe(Declared, ignoreOrder: true);

    [Fact]
    public void a_stream_starts_with_the_whistle_blown() => WhistleEventTypes.All[0].ShouldBe(typeof(WhistleBlown));

    [Fact]
    public void the_write_model_applies_every_event_after_the_first() =>
        WhistleEventTypes.All.Skip(1)
            .Where(t => typeof(Whistle.Whistles.Whistle).GetMethod(nameof(Whistle.Whistles.Whistle.Apply), [t])?.ReturnType
                != typeof(Whistle.Whistles.Whistle))
            .Select(t => t.Name)
            .ShouldBeEmpty();

    [Fact]
    public void the_details_projection_applies_every_event_after_the_first() =>
        WhistleEventTypes.All.Skip(1)
            .Where(t => typeof(WhistleDetailsProjection).GetMethod(
                "Apply", [typeof(JasperFx.Events.IEvent<>).MakeGenericType(t), typeof(WhistleDetails)]) is null)
            .Select(t => t.Name)
            .ShouldBeEmpty();

    [Fact]
    public void the_sample_stream_holds_one_event_of_every_type() =>
        OneOfEach.Select(e => e.GetType()).Distinct().ShouldBe(WhistleEventTypes.All, ignoreOrder: true);

    [Fact]
    public void a_command_answers_with_the_state_the_stream_folds_to()
    {
        var history = OneOfEach;

        var answer = WhistleAnswer.After(WhistleAfter(history[0]), history.Skip(1));

        JsonSerializer.Serialize(answer).ShouldBe(JsonSerializer.Serialize(WhistleAnswer.Of(WhistleAfter(history))));
        answer.Version.ShouldBe(history.Length);
        (answer.Concluded, answer.Level).ShouldBe((true, WhistleLevel.CountySupervision));
    }
}
