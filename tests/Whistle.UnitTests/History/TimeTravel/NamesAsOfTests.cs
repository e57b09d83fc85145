using Shouldly;
using Whistle.County.Directory;
using Whistle.History.TimeTravel;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.History.TimeTravel;

public class NamesAsOfTests
{
    private static readonly DateTimeOffset T0 = EventSpecification.Now;
    private static readonly Actor Admin = new("a1", "admin", "管理员");

    private static CompoundInfo Info(string name) =>
        new(name, "C0101", "chengguan", "东关路1号", 300, CompoundStage.Delivered, null, new OwnersCommittee(false, null, null, null));

    private static readonly Guid Id = DirectoryIds.Compound("CP010101");

    [Fact]
    public void a_compound_renamed_later_keeps_its_old_name_as_of_before_the_rename()
    {
        var events = new[]
        {
            EventSpecification.Wrap(new CompoundRegistered(Id, "CP010101", Info("东关花园"), Admin, T0), 1),
            EventSpecification.Wrap(new CompoundRevised(Id, "CP010101", Info("东关雅苑"), ["name"], Admin, T0.AddDays(10)), 2),
        };

        NamesAsOf.NameAt(events, T0.AddTicks(-1)).ShouldBeNull();
        NamesAsOf.NameAt(events, T0).ShouldBe("东关花园");
        NamesAsOf.NameAt(events, T0.AddDays(9)).ShouldBe("东关花园");
        NamesAsOf.NameAt(events, T0.AddDays(10)).ShouldBe("东关雅苑");
    }
}
