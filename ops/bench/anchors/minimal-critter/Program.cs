using JasperFx;
using Marten;
using Whistle.Bench.MinimalCritter;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

// The critter-stack anchor (issue 17): one Wolverine HTTP endpoint starting a one-event Marten stream, with
// transactions applied automatically and the durable outbox, as Whistle is configured — and nothing else.
// Usage: dotnet MinimalCritter.dll "<connection string>"  (listens on ASPNETCORE_URLS)
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connection = args.Length > 0 ? args[0] : throw new ArgumentException("usage: MinimalCritter <connection string>");
builder.Services.AddMarten(opts =>
    {
        opts.Connection(connection);
        opts.DatabaseSchemaName = "bench";
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.Events.UseMandatoryStreamTypeDeclaration = true;
    })
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup()
    .IntegrateWithWolverine();
builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(StartEndpoint).Assembly;
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
    opts.Durability.Mode = DurabilityMode.Solo;
});
builder.Services.AddWolverineHttp();

var app = builder.Build();
app.MapWolverineEndpoints();
await app.RunAsync();

namespace Whistle.Bench.MinimalCritter
{
    public sealed record Start(string Title, string Description);

    public sealed record Started(Guid Id, string Title, string Description, DateTimeOffset At);

    /// <summary>The stream's write model: its id and title, folded from its one event.</summary>
    public sealed record BenchCase(Guid Id, string Title)
    {
        public static BenchCase Create(Started e) => new(e.Id, e.Title);
    }

    public static class StartEndpoint
    {
        /// <summary>Starts a stream of one event; 201 with its id.</summary>
        [WolverinePost("/streams")]
        public static (CreationResponse<Guid>, IStartStream) Post(Start command)
        {
            var id = Guid.CreateVersion7();
            return (new CreationResponse<Guid>($"/streams/{id}", id),
                MartenOps.StartStream<BenchCase>(id, new Started(id, command.Title, command.Description, DateTimeOffset.UtcNow)));
        }
    }
}
