using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Whistle.Hosting.DeadLetters;

/// <summary>One message Wolverine gave up on: what it was, why it failed, when it was sent, and whether it waits for replay.</summary>
public sealed record DeadLetter(
    Guid Id, string? MessageType, string? ExceptionType, string? ExceptionMessage, DateTimeOffset SentAt, bool Replayable, int ReplayCount);

/// <summary>What asking to replay a dead letter came to.</summary>
public enum ReplayOutcome
{
    /// <summary>Marked replayable: Wolverine's durability agent moves it back to the inbox, once, and deletes the dead letter.</summary>
    Marked,
    /// <summary>No dead letter has this id (never, or already replayed and moved back to the inbox).</summary>
    NotFound,
    /// <summary>Already marked for replay and not yet moved back: marking it again would change nothing.</summary>
    AlreadyMarked,
}

/// <summary>
/// Wolverine's own dead-letter table (<c>wolverine_dead_letters</c>) seen through its <see cref="IDeadLetters"/> API,
/// shared by the administrator's endpoints and the <c>dead-letters</c> verb. A replay only marks the row replayable: the
/// durability agent moves it back to the inbox and deletes it in one transaction, so a message is replayed once
/// however often it is asked for.
/// </summary>
public sealed class DeadLetterDesk(IWolverineRuntime runtime)
{
    public const int PageSize = 200;

    private IDeadLetters Letters => runtime.Storage.DeadLetters;

    /// <summary>The dead letters of every county, the most recently sent first (at most <see cref="PageSize"/>).</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct)
    {
        var results = await Letters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = PageSize }, ct);
        return [.. results.Envelopes.Select(Of).OrderByDescending(d => d.SentAt)];
    }

    public async Task<DeadLetter?> FindAsync(Guid id) =>
        await Letters.DeadLetterEnvelopeByIdAsync(id, null) is { } envelope ? Of(envelope) : null;

    public async Task<ReplayOutcome> ReplayAsync(Guid id, CancellationToken ct)
    {
        var letter = await FindAsync(id);
        if (letter is null) return ReplayOutcome.NotFound;
        if (letter.Replayable) return ReplayOutcome.AlreadyMarked;
        var marked = await Letters.ReplayMatchingAsync(new DeadLetterEnvelopeQuery([id]), ct);
        return marked.Affected is 0 ? ReplayOutcome.NotFound : ReplayOutcome.Marked;
    }

    private static DeadLetter Of(DeadLetterEnvelope e) =>
        new(e.Id, e.MessageType, e.ExceptionType, e.ExceptionMessage, e.SentAt, e.Replayable, e.ReplayCount);
}
