// A deliberately broken little application: each rule of ArchitectureRules must find its violation here.
// Nothing in it runs; it only has to compile.
#pragma warning disable CA1822, CA1812

namespace Whistle.UnitTests.Architecture.Fixture.Hosting
{
    public static class Wiring
    {
        public static string Describe() => "host";
    }
}

namespace Whistle.UnitTests.Architecture.Fixture.Kernel
{
    public sealed record Actor(string UserId);
}

namespace Whistle.UnitTests.Architecture.Fixture.Complaints
{
    public abstract class SingleStreamProjection<TDocument, TId>;

    public sealed record Complaint(Guid Id, Kernel.Actor By);

    public sealed record ComplaintDetails(Guid Id);

    public sealed class ComplaintDetailsProjection : SingleStreamProjection<ComplaintDetails, Guid>;

    /// <summary>Reads the read model inside an async body, where the compiler moves the code to a nested state machine.</summary>
    public static class ResolveComplaintHandler
    {
        public static async Task<Complaint> Handle(Complaint complaint)
        {
            await Task.Yield();
            _ = new ComplaintDetails(complaint.Id);
            return complaint;
        }
    }

    /// <summary>A read whose access is recorded: a POST that reads the read model, exempt by its attribute.</summary>
    public static class ViewComplaintEndpoint
    {
        [global::Wolverine.Http.WolverinePost("/complaints/{id}/seen")]
        [global::Whistle.Kernel.RecordedRead]
        public static ComplaintDetails Post(Guid id) => new(id);
    }

    public static class Escalation
    {
        public static object Blow(Guid id) => new Whistles.Whistle(id);

        public static string Host() => Hosting.Wiring.Describe();
    }
}

namespace Whistle.UnitTests.Architecture.Fixture.Whistles
{
    public sealed record Whistle(Guid Id);

    public static class Conclusion
    {
        public static object Tell(Guid id) => new Complaints.Complaint(id, new Kernel.Actor("u"));
    }
}

namespace Whistle.UnitTests.Architecture.Fixture.County
{
    public static class Catalogue
    {
        public static object Route(Guid id) => new Complaints.Complaint(id, new Kernel.Actor("u"));
    }
}
