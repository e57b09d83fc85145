using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Whistle.Privacy.Sealing;

/// <summary>
/// A resident's personal text as events and read models keep it (crypto-shredding): encrypted with AES-256-GCM under a
/// key of the data subject's own, written <c>pd1:</c> + base64url(subject id ‖ nonce ‖ tag ‖ ciphertext). The subject id
/// is authenticated with it, so a sealed value cannot be moved to another subject. Deleting the subject's key leaves
/// the value unreadable for ever, while the event that holds it stays byte for byte as stored and hash-chained.
/// Pure: the key and the nonce are given.
/// </summary>
public static class SealedText
{
    public const string Prefix = "pd1:";
    public const int KeySize = 32, NonceSize = 12, TagSize = 16;
    private const int SubjectSize = 16;

    public static string Seal(Guid subject, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[SubjectSize + NonceSize + TagSize + plain.Length];
        var span = sealedBytes.AsSpan();
        subject.TryWriteBytes(span[..SubjectSize]);
        nonce.CopyTo(span.Slice(SubjectSize, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, span[(SubjectSize + NonceSize + TagSize)..], span.Slice(SubjectSize + NonceSize, TagSize), span[..SubjectSize]);
        return Prefix + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The data subject a sealed value belongs to; null for text that is not sealed (kept from before sealing).</summary>
    public static Guid? SubjectOf(string? value)
    {
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        Span<byte> head = stackalloc byte[SubjectSize + 2];
        var encoded = value.AsSpan(Prefix.Length, Math.Min(value.Length - Prefix.Length, 24));
        return Base64Url.TryDecodeFromChars(encoded, head, out var written) && written >= SubjectSize
            ? new Guid(head[..SubjectSize])
            : null;
    }

    /// <summary>The text, or null when the value is not sealed with this key (tampered, or another key).</summary>
    public static string? Open(ReadOnlySpan<byte> key, string value)
    {
        if (!value.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        byte[] sealedBytes;
        try { sealedBytes = Base64Url.DecodeFromChars(value.AsSpan(Prefix.Length)); }
        catch (FormatException) { return null; }
        if (sealedBytes.Length < SubjectSize + NonceSize + TagSize) return null;
        var span = sealedBytes.AsSpan();
        var plain = new byte[span.Length - SubjectSize - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(span.Slice(SubjectSize, NonceSize), span[(SubjectSize + NonceSize + TagSize)..],
                span.Slice(SubjectSize + NonceSize, TagSize), plain, span[..SubjectSize]);
        }
        catch (AuthenticationTagMismatchException) { return null; }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A subject's key wrapped under the key-encryption key (nonce ‖ tag ‖ ciphertext), as the key table keeps it.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> keyEncryptionKey, Guid subject, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce)
    {
        var wrapped = new byte[NonceSize + TagSize + key.Length];
        Span<byte> aad = stackalloc byte[SubjectSize];
        subject.TryWriteBytes(aad);
        nonce.CopyTo(wrapped);
        using var aes = new AesGcm(keyEncryptionKey, TagSize);
        aes.Encrypt(nonce, key, wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), aad);
        return wrapped;
    }

    public static byte[] Unwrap(ReadOnlySpan<byte> keyEncryptionKey, Guid subject, ReadOnlySpan<byte> wrapped)
    {
        var key = new byte[wrapped.Length - NonceSize - TagSize];
        Span<byte> aad = stackalloc byte[SubjectSize];
        subject.TryWriteBytes(aad);
        using var aes = new AesGcm(keyEncryptionKey, TagSize);
        aes.Decrypt(wrapped[..NonceSize], wrapped[(NonceSize + TagSize)..], wrapped.Slice(NonceSize, TagSize), key, aad);
        return key;
    }
}
