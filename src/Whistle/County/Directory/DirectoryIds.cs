using System.Security.Cryptography;
using System.Text;

namespace Whistle.County.Directory;

/// <summary>
/// Directory entries are known by their codes (CP010101, chengguan); their event streams need Guids. The Guid is a
/// name-based UUID (RFC 9562 version 5) of the kind and the code, so the same code always finds the same stream.
/// Streams are per county (conjoined tenancy), so the county need not be part of the name.
/// </summary>
public static class DirectoryIds
{
    private static readonly Guid Namespace = new("6f0c7f0e-3b7a-4d4b-9c55-2f6d1a0b9e11");

    public static Guid For(string kind, string code)
    {
        var name = Encoding.UTF8.GetBytes(kind + "/" + code);
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for name-based UUIDs; nothing here is secret.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static Guid SubDistrict(string code) => For("sub-district", code);
    public static Guid Community(string code) => For("community", code);
    public static Guid Compound(string code) => For("compound", code);
    public static Guid PropertyCompany(string code) => For("property-company", code);
    public static Guid Department(string code) => For("department", code);
}
