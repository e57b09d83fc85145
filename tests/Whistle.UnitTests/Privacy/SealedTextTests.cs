using System.Security.Cryptography;
using Shouldly;
using Whistle.Complaints;
using Whistle.Privacy.Sealing;
using Xunit;

namespace Whistle.UnitTests.Privacy;

/// <summary>Crypto-shredding's sealing: each value under its subject's key; without the key, nothing but "erased".</summary>
public class SealedTextTests
{
    private static readonly Guid Subject = Guid.Parse("01a24819-3e03-7b5a-afaa-2c2765f154e3");
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Nonce = Enumerable.Range(100, 12).Select(i => (byte)i).ToArray();

    [Fact]
    public void a_sealed_value_opens_with_its_key_and_names_its_subject()
    {
        var sealedText = SealedText.Seal(Subject, Key, Nonce, "王小明");

        sealedText.ShouldStartWith("pd1:");
        sealedText.ShouldNotContain("王小明");
        SealedText.SubjectOf(sealedText).ShouldBe(Subject);
        SealedText.Open(Key, sealedText).ShouldBe("王小明");
    }

    [Fact]
    public void the_same_text_sealed_with_another_nonce_reads_differently() =>
        SealedText.Seal(Subject, Key, Nonce, "13812345678").ShouldNotBe(SealedText.Seal(Subject, Key, new byte[12], "13812345678"));

    [Fact]
    public void another_key_or_a_changed_byte_does_not_open_it()
    {
        var sealedText = SealedText.Seal(Subject, Key, Nonce, "13812345678");
        var tampered = sealedText[..^2] + (sealedText[^2] == 'A' ? "B" : "A") + sealedText[^1];

        SealedText.Open(RandomNumberGenerator.GetBytes(32), sealedText).ShouldBeNull();
        SealedText.Open(Key, tampered).ShouldBeNull();
        SealedText.Open(Key, "pd1:not base64!").ShouldBeNull();
    }

    [Fact]
    public void a_value_moved_to_another_subject_does_not_open()
    {
        var other = Guid.Parse("01a24819-3e03-7b5a-afaa-2c2765f154e4");
        var bytes = Convert.FromBase64String(ToBase64(SealedText.Seal(Subject, Key, Nonce, "王小明")[4..]));
        other.TryWriteBytes(bytes);
        var moved = "pd1:" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        SealedText.SubjectOf(moved).ShouldBe(other);
        SealedText.Open(Key, moved).ShouldBeNull();
    }

    [Fact]
    public void text_from_before_sealing_has_no_subject() =>
        (SealedText.SubjectOf("王小明"), SealedText.SubjectOf(null), SealedText.Open(Key, "王小明")).ShouldBe((null, null, null));

    [Fact]
    public void a_wrapped_key_unwraps_under_its_key_encryption_key_and_subject_only()
    {
        var kek = RandomNumberGenerator.GetBytes(32);
        var wrapped = SealedText.Wrap(kek, Subject, Key, Nonce);

        SealedText.Unwrap(kek, Subject, wrapped).ShouldBe(Key);
        Should.Throw<AuthenticationTagMismatchException>(() => SealedText.Unwrap(RandomNumberGenerator.GetBytes(32), Subject, wrapped));
        Should.Throw<AuthenticationTagMismatchException>(() => SealedText.Unwrap(kek, Guid.NewGuid(), wrapped));
    }

    [Fact]
    public void a_keyring_opens_what_it_holds_keys_for_passes_plain_text_through_and_reads_the_rest_as_erased()
    {
        var sealedName = SealedText.Seal(Subject, Key, Nonce, "王小明");
        var keys = new Keyring(new Dictionary<Guid, byte[]> { [Subject] = Key });

        (keys.Open(sealedName), keys.Open("李四"), Keyring.Empty.Open(sealedName)).ShouldBe(("王小明", "李四", Keyring.Erased));
    }

    [Fact]
    public void a_subject_whose_key_does_not_unwrap_reads_as_unreadable_not_as_erased()
    {
        var sealedName = SealedText.Seal(Subject, Key, Nonce, "王小明");
        var keys = new Keyring(new Dictionary<Guid, byte[]>(), new HashSet<Guid> { Subject });

        keys.Open(sealedName).ShouldBe(Keyring.Unreadable);
        new Complainant(sealedName, sealedName, null).Masked(keys).ShouldBe(new Complainant(Keyring.Unreadable, Keyring.Unreadable, null));
    }

    [Fact]
    public void a_sealed_complainant_is_masked_once_opened_and_reads_as_erased_without_its_key()
    {
        var complainant = new Complainant(
            SealedText.Seal(Subject, Key, Nonce, "王小明"), SealedText.Seal(Subject, Key, Nonce, "13812345678"), SealedText.Seal(Subject, Key, Nonce, "东关花园"));
        var keys = new Keyring(new Dictionary<Guid, byte[]> { [Subject] = Key });

        complainant.Masked(keys).ShouldBe(new Complainant("王**", "138****5678", "***"));
        complainant.Masked(Keyring.Empty).ShouldBe(new Complainant(Keyring.Erased, Keyring.Erased, Keyring.Erased));
    }

    private static string ToBase64(string url)
    {
        var s = url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
