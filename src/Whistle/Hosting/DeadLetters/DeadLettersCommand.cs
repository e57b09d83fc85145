using JasperFx.CommandLine;
using Wolverine.Runtime;

namespace Whistle.Hosting.DeadLetters;

/// <summary>The arguments of <c>dead-letters</c>.</summary>
public sealed class DeadLettersInput : NetCoreInput
{
    [Description("list (the default) or replay")]
    public string Action { get; set; } = "list";

    [Description("The dead letter's id, for replay")]
    public string Id { get; set; } = "";
}

/// <summary>
/// <c>dotnet run --project src/Whistle -- dead-letters [list|replay &lt;id&gt;]</c>: the administrator's verb beside
/// <c>GET /api/admin/dead-letters</c> and <c>POST /api/admin/dead-letters/{id}/replay</c>, on the database the service
/// is configured with. A replayed message goes back to the inbox once, where a running service handles it.
/// </summary>
[Description("Lists Wolverine's dead letters, or replays one once its cause is fixed (issue 14)", Name = "dead-letters")]
public sealed class DeadLettersCommand : JasperFxAsyncCommand<DeadLettersInput>
{
    public override async Task<bool> Execute(DeadLettersInput input)
    {
        using var host = input.BuildHost();
        var desk = new DeadLetterDesk(host.Services.GetRequiredService<IWolverineRuntime>());
        switch (input.Action)
        {
            case "list":
                var letters = await desk.ListAsync(CancellationToken.None);
                foreach (var letter in letters)
                    Console.WriteLine($"{letter.Id}  {letter.SentAt:yyyy-MM-dd HH:mm:ss}  {letter.MessageType}  {letter.ExceptionType}: {letter.ExceptionMessage}{(letter.Replayable ? "  (待重放 replayable)" : "")}");
                Console.WriteLine($"死信 {letters.Count} 条。{letters.Count} dead letter(s).");
                return true;
            case "replay" when Guid.TryParse(input.Id, out var id):
                var outcome = await desk.ReplayAsync(id, CancellationToken.None);
                Console.WriteLine(outcome switch
                {
                    ReplayOutcome.Marked => $"死信 {id} 已安排重放。Dead letter {id} is marked for replay.",
                    ReplayOutcome.AlreadyMarked => $"死信 {id} 已在等待重放。Dead letter {id} was already marked for replay.",
                    _ => $"没有编号为 {id} 的死信。No dead letter has the id {id}.",
                });
                return outcome == ReplayOutcome.Marked;
            default:
                await Console.Error.WriteLineAsync("用法 Usage: dead-letters [list|replay <id>]");
                return false;
        }
    }
}
