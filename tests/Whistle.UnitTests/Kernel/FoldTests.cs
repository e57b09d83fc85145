using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Kernel;

public class FoldTests
{
    private sealed record Counted(int Count);

    private sealed record Reset;

    private sealed record Tally(int Total) : IWriteModel<Tally>
    {
        public long Version { get; init; }

        public Tally AtVersion(long version) => this with { Version = version };

        public Tally Apply(Counted e) => this with { Total = Total + e.Count };

        public Tally Apply(Reset e) => this with { Total = 0 };
    }

    [Fact]
    public void folds_each_event_through_its_apply_one_version_each()
    {
        var start = new Tally(1) { Version = 4 };

        start.After([new Counted(2), new Reset(), new Counted(5)]).ShouldBe(new Tally(5) { Version = 7 });
        start.ShouldBe(new Tally(1) { Version = 4 });
    }

    [Fact]
    public void no_events_leave_the_state_as_it_was() =>
        new Tally(3) { Version = 2 }.After([]).ShouldBe(new Tally(3) { Version = 2 });

    [Fact]
    public void an_event_the_model_cannot_apply_throws_as_the_store_would() =>
        Should.Throw<InvalidOperationException>(() => new Tally(0).After(["not an event"]))
            .Message.ShouldBe("Tally has no Apply for String.");
}
