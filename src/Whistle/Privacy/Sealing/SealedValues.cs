using Whistle.Complaints;

namespace Whistle.Privacy.Sealing;

/// <summary>The personal text an event carries, as stored: what a timeline or an export needs the keys of.</summary>
public static class SealedValues
{
    public static IEnumerable<string?> In(object data) => data switch
    {
        ComplaintLodged lodged => [lodged.Complainant.Name, lodged.Complainant.Phone, lodged.Complainant.Address],
        _ => [],
    };
}
