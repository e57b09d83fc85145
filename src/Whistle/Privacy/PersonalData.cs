using Whistle.Kernel;

namespace Whistle.Privacy;

/// <summary>The kinds of a resident's personal data a case holds, and the groups an unmasking asks for.</summary>
public enum PersonalDataKind
{
    Name = 1,      // 姓名
    Phone = 2,     // 电话
    Address = 3,   // 住址
}

/// <summary>
/// One item of a resident's personal data in a case: where it stands (<c>complainant.phone</c>,
/// <c>parties[1].name</c>, <c>sessions[0].invited[2].name</c>), its kind, its value as stored (sealed, see
/// <see cref="Sealing.SealedText"/>, or text from before sealing) or opened, and the value as every answer shows it by
/// default.
/// </summary>
public sealed record PersonalDatum(string Field, PersonalDataKind Kind, string Value)
{
    public string Masked => Of(Kind, Value);

    public static PersonalDatum Name(string field, string value) => new(field, PersonalDataKind.Name, value);

    public static PersonalDatum Phone(string field, string value) => new(field, PersonalDataKind.Phone, value);

    public static PersonalDatum Address(string field, string value) => new(field, PersonalDataKind.Address, value);

    /// <summary>The item with its value opened by the keys (an erased subject's reads <see cref="Sealing.Keyring.Erased"/>).</summary>
    public PersonalDatum OpenedBy(Sealing.Keyring keys) => this with { Value = keys.Open(Value) };

    /// <summary>A value of this kind masked as every answer shows it; an erased value stays as it reads.</summary>
    public static string Of(PersonalDataKind kind, string value) => value is Sealing.Keyring.Erased or Sealing.Keyring.Unreadable ? value : kind switch
    {
        PersonalDataKind.Name => Mask.Name(value),
        PersonalDataKind.Phone => Mask.Phone(value),
        _ => Mask.Address(value),
    };
}

/// <summary>A case's details that hold residents' personal data: each item where it stands, in the details' own order.</summary>
public interface IHoldsPersonalData
{
    Guid Id { get; }

    string Number { get; }

    IEnumerable<PersonalDatum> PersonalData();
}
