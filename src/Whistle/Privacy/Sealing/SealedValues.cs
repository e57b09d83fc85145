using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Mediation;

namespace Whistle.Privacy.Sealing;

/// <summary>The personal text an event carries, as stored: what a timeline or an export needs the keys of.</summary>
public static class SealedValues
{
    public static IEnumerable<string?> In(object data) => data switch
    {
        ComplaintLodged lodged => [lodged.Complainant.Name, lodged.Complainant.Phone, lodged.Complainant.Address],
        FeeDisputeRaised raised => [raised.OwnerName, raised.OwnerPhone],
        MediationCaseOpened opened => Of(opened.Parties),
        AgreementSigned signed => Of(signed.Parties),
        MediationSessionHeld held => [.. held.Participants, .. held.Invited.Select(i => i.Name)],
        _ => [],
    };

    private static IEnumerable<string?> Of(IEnumerable<MediationParty> parties) => parties.SelectMany(p => new[] { p.Name, p.Phone });
}
