using Whistle.Kernel;
using Whistle.Privacy.Sealing;

namespace Whistle.Mediation;

/// <summary>
/// Mediation's residents as data subjects (crypto-shredding): each party who is a person, each session participant and
/// each invitee is sealed under a key of their own when recorded. An organisation that is a party, and whoever records
/// the session (the mediator, in an official capacity), stay in clear.
/// </summary>
public static class MediationSealing
{
    public static PartyInput Sealed(PartyInput party, PersonalDataVault.Sealer sealer)
    {
        if (party.IsOrganisation || string.IsNullOrWhiteSpace(party.Name)) return party;
        var subject = PersonalDataVault.Sealer.NewSubject();
        return party with
        {
            Name = sealer.Seal(subject, party.Name.Trim()),
            Phone = string.IsNullOrWhiteSpace(party.Phone) ? party.Phone : sealer.Seal(subject, party.Phone.Trim()),
        };
    }

    /// <summary>The session's people sealed, each a subject of their own; names in an official capacity kept as written.</summary>
    public static (IReadOnlyList<string>? Participants, IReadOnlyList<InviteeInput>? Invited) Sealed(
        IReadOnlyList<string>? participants, IReadOnlyList<InviteeInput>? invited, IReadOnlySet<string> official, PersonalDataVault.Sealer sealer) =>
        (participants?.Select(p => official.Contains(p.Trim()) ? p : sealer.Seal(PersonalDataVault.Sealer.NewSubject(), p.Trim())).ToList(),
         invited?.Select(i => string.IsNullOrWhiteSpace(i.Name) ? i : i with { Name = sealer.Seal(PersonalDataVault.Sealer.NewSubject(), i.Name.Trim()) }).ToList());

    /// <summary>Who acts in an official capacity at a case's session: its organisations and the recording mediator.</summary>
    public static IReadOnlySet<string> Official(IEnumerable<MediationParty> parties, Actor by) =>
        parties.Where(p => p.IsOrganisation).Select(p => p.Name).Append(by.Name).ToHashSet(StringComparer.Ordinal);
}
