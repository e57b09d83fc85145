using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Kernel;

public class ActorTests
{
    [Fact]
    public void the_actor_is_read_from_subject_name_and_role_claims() =>
        Actor.From(Users.Clerk).ShouldBe(new Actor("u-clerk", "李受理", Roles.Clerk));

    [Fact]
    public void an_actor_without_a_name_claim_is_named_by_subject() =>
        Actor.From(Users.User("u-42", null, Roles.Office)).ShouldBe(new Actor("u-42", "u-42", Roles.Office));
}
