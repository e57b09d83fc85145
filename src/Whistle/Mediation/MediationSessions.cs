using Whistle.Kernel;

namespace Whistle.Mediation;

public sealed record InviteeInput(string? Name, InviteeRole? Role, string? Note = null);

/// <summary>The shape of a session's record (Art. 20, 27), shared by a case's own sessions and batch sessions.</summary>
public static class MediationSessions
{
    public const int MaxParticipants = 50;
    public const int MaxInvited = 20;
    public const int MaxMinutes = 10_000;

    public static FieldErrors Check(
        FieldErrors errors, DateTimeOffset? heldAt, IReadOnlyList<string>? participants, IReadOnlyList<InviteeInput>? invited,
        string? minutes, DateTimeOffset? nextSessionAt, DateTimeOffset now)
    {
        errors.When(heldAt is null, "heldAt", "必填。Required.")
            .When(heldAt > now, "heldAt", "调解记录在调解之后登记，时间不能晚于现在。A session is recorded once held: heldAt cannot be in the future.")
            .Text("minutes", minutes, MaxMinutes)
            .When(nextSessionAt is not null && nextSessionAt <= now, "nextSessionAt",
                "下次调解时间须晚于现在。The next session must be in the future.");
        if (participants is not { Count: > 0 }) errors.Add("participants", "至少一名参加人。At least one participant.");
        else
        {
            errors.When(participants.Count > MaxParticipants, "participants", $"至多 {MaxParticipants} 名参加人。At most {MaxParticipants}.");
            for (var i = 0; i < participants.Count; i++) errors.Text($"participants[{i}]", participants[i], 50);
        }
        var guests = invited ?? [];
        errors.When(guests.Count > MaxInvited, "invited", $"至多邀请 {MaxInvited} 人。At most {MaxInvited} invitees.");
        for (var i = 0; i < guests.Count; i++)
        {
            errors.Text($"invited[{i}].name", guests[i].Name, 50)
                .Defined($"invited[{i}].role", guests[i].Role)
                .Text($"invited[{i}].note", guests[i].Note, 200, required: false);
        }
        return errors;
    }

    /// <summary>A session may not be dated before the day its case was accepted.</summary>
    public static bool BeforeAcceptance(MediationCase mediation, DateTimeOffset heldAt) =>
        mediation.AcceptedAt is { } accepted && MediationTimes.Day(heldAt) < MediationTimes.Day(accepted);

    public static MediationSessionHeld Held(
        Guid mediationCaseId, Guid sessionId, DateTimeOffset heldAt, IReadOnlyList<string> participants,
        IReadOnlyList<InviteeInput>? invited, string minutes, DateTimeOffset? nextSessionAt, Guid? batchId, BatchReason? reason,
        Actor by, DateTimeOffset now) =>
        new(mediationCaseId, sessionId, heldAt, participants.Select(p => p.Trim()).ToList(),
            (invited ?? []).Select(i => new Invitee(i.Name!.Trim(), i.Role!.Value, string.IsNullOrWhiteSpace(i.Note) ? null : i.Note.Trim())).ToList(),
            minutes.Trim(), nextSessionAt, batchId, reason, by, now);
}
