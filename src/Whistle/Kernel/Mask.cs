using System.Globalization;

namespace Whistle.Kernel;

/// <summary>Masks personal data for lists, exports and read-only roles (个人信息脱敏).</summary>
/// <remarks>
/// Lengths are counted in text elements (what a reader sees as one character), not UTF-16 units: an emoji or a
/// rare family name outside the basic plane is one character, so a mask neither splits it nor adds a star for it.
/// </remarks>
public static class Mask
{
    /// <summary>王小明 → 王**, 陈小🐱 → 陈**; keeps the family name only, one star for each other character.</summary>
    public static string Name(string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var first = StringInfo.GetNextTextElementLength(name);
        return name[..first] + new string('*', Math.Max(1, new StringInfo(name).LengthInTextElements - 1));
    }

    /// <summary>13812345678 → 138****5678; a landline 5123456 → *****56; anything shorter is masked whole.</summary>
    public static string Phone(string phone) => phone.Length switch
    {
        >= 11 => phone[..3] + new string('*', phone.Length - 7) + phone[^4..],
        >= 7 => new string('*', phone.Length - 2) + phone[^2..],
        _ => new string('*', phone.Length),
    };

    /// <summary>
    /// A resident identity card number (居民身份证号码) as the county's forms mask it: 110105199001010123 →
    /// 110105********0123, the issuing area's six digits and what follows the date of birth (the order code and the check
    /// digit; a 15-digit number of the first generation, with no check digit, keeps its last three). The date of birth
    /// never shows. Anything of fewer than ten characters is masked whole.
    /// </summary>
    public static string IdNumber(string number)
    {
        if (number.Length < 10) return new string('*', number.Length);
        var kept = number.Length == 15 ? 3 : 4;
        return number[..6] + new string('*', number.Length - 6 - kept) + number[^kept..];
    }

    /// <summary>An address is masked whole: the case's compound and community already say where it is.</summary>
    public static string Address(string address) => "***";

    /// <summary>zhou.ke@example.gov.cn → z******@example.gov.cn: the first character and the domain stay.</summary>
    public static string Email(string email) => email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        ? email[..StringInfo.GetNextTextElementLength(email)] + new string('*', Math.Max(1, new StringInfo(email[..at]).LengthInTextElements - 1)) + email[at..]
        : new string('*', new StringInfo(email).LengthInTextElements);
}
