using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class AssignMediatorTests
{
    [Theory]
    [InlineData(MediatorSelection.ChosenByParties)]
    [InlineData(MediatorSelection.Appointed)]
    public void the_mediator_is_named_with_how_they_came_to_the_case(MediatorSelection how)
    {
        var mediation = CaseAfter(Opened());
        var command = new AssignMediator(" mediator2 ", " 郑调解 ", how);
        AssignMediatorEndpoint.Validate(command, mediation).ShouldBeNoProblem();

        var (_, events) = AssignMediatorEndpoint.Assign(command, mediation, Mediator, Now);

        events.ShouldBeEvents(new MediatorAssigned(Id, "mediator2", "郑调解", how, Mediator, Now));
    }

    [Fact]
    public void naming_the_same_mediator_the_same_way_again_appends_nothing() =>
        AssignMediatorEndpoint.Assign(new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed),
            CaseAfter([.. AcceptedHistory(), MediatorNamed()]), Mediator, Now).Item2.ShouldBeEmpty();

    [Fact]
    public void another_mediator_replaces_the_first() =>
        AssignMediatorEndpoint.Assign(new AssignMediator("mediator2", "郑调解", MediatorSelection.ChosenByParties),
            CaseAfter([.. AcceptedHistory(), MediatorNamed()]), Mediator, Now).Item2.ShouldHaveSingleItem();

    [Fact]
    public void the_mediator_and_how_are_required() =>
        AssignMediatorEndpoint.Validate(new AssignMediator(null, " ", (MediatorSelection)9), CaseAfter(Opened()))
            .ShouldRejectFields("mediatorId", "mediatorName", "how");

    [Fact]
    public void a_case_that_has_ended_gets_no_mediator() =>
        AssignMediatorEndpoint.Validate(new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed), CaseAfter([.. ReadyHistory(), Failed()]))
            .ShouldBeConflict("is Failed");
}
