namespace Whistle.Kernel;

/// <summary>Masks personal data for lists, exports and read-only roles (个人信息脱敏).</summary>
public static class Mask
{
    /// <summary>王小明 → 王**; keeps the family name only.</summary>
    public static string Name(string name) =>
        string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    /// <summary>13812345678 → 138****5678; a landline 5123456 → *****56; anything shorter is masked whole.</summary>
    public static string Phone(string phone) => phone.Length switch
    {
        >= 11 => phone[..3] + new string('*', phone.Length - 7) + phone[^4..],
        >= 7 => new string('*', phone.Length - 2) + phone[^2..],
        _ => new string('*', phone.Length),
    };

    /// <summary>zhou.ke@example.gov.cn → z******@example.gov.cn: the first character and the domain stay.</summary>
    public static string Email(string email) => email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        ? email[..1] + new string('*', Math.Max(1, at - 1)) + email[at..]
        : new string('*', email.Length);
}
