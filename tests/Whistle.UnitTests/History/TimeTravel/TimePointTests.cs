using JasperFx.Events;
using Shouldly;
using Whistle.Complaints;
using Whistle.History.TimeTravel;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.History.TimeTravel;

public class TimePointTests
{
    private static readonly Guid Complaint = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = EventSpecification.Now;
    private static readonly Actor Clerk = new("u1", "clerk", "李受理");

    private sealed record Untimed(string Text);

    private static IEvent Note(long version, DateTimeOffset at) =>
        EventSpecification.Wrap(new ComplaintNoteAdded(Complaint, Guid.NewGuid(), NoteVisibility.Internal, "n", Clerk, at), version);

    /// <summary>Versions 1..3 at T0, T0+1h, T0+2h.</summary>
    private static readonly IReadOnlyList<IEvent> Stream = [Note(1, T0), Note(2, T0.AddHours(1)), Note(3, T0.AddHours(2))];

    private static (TimePoint? Point, FieldErrors Errors) Read(string? asOf, string? version)
    {
        var errors = new FieldErrors();
        return (TimePoint.Read(asOf, version, "asOf", "version", errors), errors);
    }

    [Fact]
    public void a_moment_is_read_from_iso_8601_and_one_without_an_offset_is_utc()
    {
        Read("2026-11-27T09:30:00+08:00", null).Point.ShouldBe(TimePoint.Moment(T0));
        Read("2026-11-27T01:30:00", null).Point!.At.ShouldBe(T0);
    }

    [Fact]
    public void a_version_is_read_as_a_whole_number_from_one() =>
        Read(null, "3").Point.ShouldBe(TimePoint.OfVersion(3));

    [Fact]
    public void both_a_moment_and_a_version_are_refused_on_the_version() =>
        Read("2026-11-27T09:30:00Z", "2").Errors.ToProblem().ShouldRejectField("version", "not both");

    [Fact]
    public void neither_a_moment_nor_a_version_is_refused() =>
        Read(null, " ").Errors.ToProblem().ShouldRejectField("asOf", "Give asOf");

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    public void an_unreadable_moment_is_refused(string asOf) =>
        Read(asOf, null).Errors.ToProblem().ShouldRejectField("asOf", "Not an ISO 8601 time");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void a_version_that_is_no_whole_number_from_one_is_refused(string version) =>
        Read(null, version).Errors.ToProblem().ShouldRejectField("version", "whole number from 1");

    [Fact]
    public void as_of_a_moment_the_stream_stands_at_the_last_version_that_happened_by_then()
    {
        TimePoint.Moment(T0.AddMinutes(90)).VersionIn(Stream).ShouldBe(2);
        TimePoint.Moment(T0.AddHours(1)).VersionIn(Stream).ShouldBe(2);
        TimePoint.Moment(T0.AddDays(1)).VersionIn(Stream).ShouldBe(3);
    }

    [Fact]
    public void before_the_first_event_the_stream_stands_at_version_zero() =>
        TimePoint.Moment(T0.AddTicks(-1)).VersionIn(Stream).ShouldBe(0);

    [Fact]
    public void a_version_names_itself_and_stands_at_the_moment_of_its_event()
    {
        var point = TimePoint.OfVersion(2);
        point.VersionIn(Stream).ShouldBe(2);
        point.MomentIn(Stream, 2).ShouldBe(T0.AddHours(1));
        TimePoint.Moment(T0.AddMinutes(90)).MomentIn(Stream, 2).ShouldBe(T0.AddMinutes(90));
    }

    [Fact]
    public void an_event_without_its_own_time_counts_at_the_moment_the_store_recorded_it()
    {
        var untimed = EventSpecification.Wrap(new Untimed("x"), 4);
        untimed.Timestamp = T0.AddHours(3);

        TimePoint.Moment(T0.AddMinutes(150)).VersionIn([.. Stream, untimed]).ShouldBe(3);
        TimePoint.Moment(T0.AddHours(3)).VersionIn([.. Stream, untimed]).ShouldBe(4);
    }

    [Fact]
    public void the_events_up_to_a_version_are_taken_in_version_order() =>
        TimePoint.UpTo([Stream[2], Stream[0], Stream[1]], 2).Select(e => e.Version).ShouldBe([1L, 2L]);
}
