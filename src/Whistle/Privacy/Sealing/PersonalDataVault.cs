using System.Security.Cryptography;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Whistle.Kernel;

namespace Whistle.Privacy.Sealing;

/// <summary>
/// The keys of residents' personal data (crypto-shredding): one key per data subject — a complainant of one complaint —
/// made when the subject's data is first sealed, in the transaction that appends it, kept in
/// <c>whistle.personal_data_keys</c> wrapped under the key-encryption key (<c>Whistle:Privacy:KeyEncryptionKey</c>, 32
/// bytes in base64) so that a dump of the database alone opens nothing. Erasing a subject deletes its key row.
/// </summary>
public sealed partial class PersonalDataVault(PrivacyOptions options, ILogger<PersonalDataVault> logger)
{
    public const string TableName = "personal_data_keys";

    private readonly byte[] keyEncryptionKey = options.KeyEncryptionKey;

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(WhistleSchema.Name, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("subject_id").AsPrimaryKey();
        table.AddColumn<string>("wrapped_key").NotNull();
        table.AddColumn<DateTimeOffset>("created_at").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    /// <summary>Seals the personal data of one command's people, each a new subject, keys queued in the session's transaction.</summary>
    public Sealer SealerFor(IDocumentSession session) => new(this, session);

    /// <summary>The keys of every subject whose data these cases hold, in one query: what masking or unmasking them needs.</summary>
    public Task<Keyring> KeyringAsync(IQuerySession session, IEnumerable<IHoldsPersonalData> cases, CancellationToken ct) =>
        KeyringAsync(session, cases.SelectMany(c => c.PersonalData()).Select(d => d.Value), ct);

    /// <summary>The keys of every subject the values are sealed for, in one query; text not sealed needs none.</summary>
    public async Task<Keyring> KeyringAsync(IQuerySession session, IEnumerable<string?> values, CancellationToken ct)
    {
        var subjects = values.Select(SealedText.SubjectOf).OfType<Guid>().Distinct().ToArray();
        if (subjects.Length == 0) return Keyring.Empty;
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select subject_id::text || ' ' || wrapped_key from {WhistleSchema.Table(TableName)} where tenant_id = ? and subject_id = any(?)",
            ct, session.TenantId, subjects);
        var keys = new Dictionary<Guid, byte[]>();
        var unreadable = new HashSet<Guid>();
        foreach (var row in rows)
        {
            var (subject, wrapped) = (Guid.Parse(row.AsSpan(0, 36)), Convert.FromBase64String(row[37..]));
            try
            {
                keys[subject] = SealedText.Unwrap(keyEncryptionKey, subject, wrapped);
            }
            catch (System.Security.Cryptography.AuthenticationTagMismatchException)
            {
                unreadable.Add(subject);
            }
        }
        // A key wrapped under another key-encryption key: this host is configured with the wrong one. The data is there
        // and not erased; it reads as unreadable rather than failing the whole answer.
        if (unreadable.Count > 0) WrongKeyEncryptionKey(logger, unreadable.Count, session.TenantId);
        return new Keyring(keys, unreadable);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Count} personal-data keys of county {County} do not unwrap with this host's Whistle:Privacy:KeyEncryptionKey: it is not the key they were made with")]
    private static partial void WrongKeyEncryptionKey(ILogger logger, int count, string county);

    /// <summary>Queues the deletion of these subjects' keys in the session's transaction: their data can never be read again.</summary>
    public static void Erase(IDocumentSession session, IReadOnlyCollection<Guid> subjects)
    {
        if (subjects.Count == 0) return;
        session.QueueSqlCommand(
            $"delete from {WhistleSchema.Table(TableName)} where tenant_id = ? and subject_id = any(?)", session.TenantId, subjects.ToArray());
    }

    /// <summary>One command's sealing: a subject per person, its key made once and stored with the command's events.</summary>
    public sealed class Sealer(PersonalDataVault vault, IDocumentSession session)
    {
        private readonly Dictionary<Guid, byte[]> keys = [];

        public static Guid NewSubject() => Guid.CreateVersion7();

        public string Seal(Guid subject, string text)
        {
            if (!keys.TryGetValue(subject, out var key))
            {
                keys[subject] = key = RandomNumberGenerator.GetBytes(SealedText.KeySize);
                var wrapped = SealedText.Wrap(vault.keyEncryptionKey, subject, key, RandomNumberGenerator.GetBytes(SealedText.NonceSize));
                session.QueueSqlCommand(
                    $"insert into {WhistleSchema.Table(TableName)} (tenant_id, subject_id, wrapped_key) values (?, ?, ?)",
                    session.TenantId, subject, Convert.ToBase64String(wrapped));
            }
            return SealedText.Seal(subject, key, RandomNumberGenerator.GetBytes(SealedText.NonceSize), text);
        }
    }
}

/// <summary>The keys one answer needs: opens sealed values, passes text from before sealing through, and reads an erased subject's as erased.</summary>
public sealed class Keyring(IReadOnlyDictionary<Guid, byte[]> keys, IReadOnlySet<Guid>? unreadable = null)
{
    /// <summary>What an erased subject's data reads as, everywhere.</summary>
    public const string Erased = "（已删除）";

    /// <summary>What a subject's data reads as when its key does not unwrap with this host's key-encryption key.</summary>
    public const string Unreadable = "（无法解密）";

    public static readonly Keyring Empty = new(new Dictionary<Guid, byte[]>());

    public string Open(string value) => SealedText.SubjectOf(value) switch
    {
        null => value,
        { } subject when keys.TryGetValue(subject, out var key) => SealedText.Open(key, value) ?? Unreadable,
        { } subject when unreadable?.Contains(subject) == true => Unreadable,
        _ => Erased,
    };

    /// <summary>Whether the subject's key is still held (not erased).</summary>
    public bool Holds(Guid subject) => keys.ContainsKey(subject);
}

/// <summary>
/// <c>Whistle:Privacy</c>: <c>KeyEncryptionKey</c> (32 bytes, base64) or <c>KeyEncryptionKeyPath</c> (a file holding
/// it), which wraps every subject's key — without one, a fixed development key is used in Development only, and every
/// other environment refuses to start; and <c>RetentionYears</c> (3 unless set), how long a case's personal data is kept
/// after its last step before it may be erased for that reason alone.
/// </summary>
public sealed record PrivacyOptions(byte[] KeyEncryptionKey, int RetentionYears = 3)
{
    public const string Section = "Whistle:Privacy";

    /// <summary>Development's key-encryption key: public, so never for real data.</summary>
    private static readonly byte[] DevelopmentKey = SHA256.HashData("whistle-development-key-encryption-key-not-for-production"u8);

    public static PrivacyOptions From(IConfiguration config, bool development)
    {
        var section = config.GetSection(Section);
        var years = section.GetValue("RetentionYears", 3);
        if (years is < 1 or > 100)
            throw new InvalidOperationException($"Whistle:Privacy:RetentionYears must be 1 to 100 years; it is {years}.");
        var text = section["KeyEncryptionKey"] ?? (section["KeyEncryptionKeyPath"] is { Length: > 0 } path ? File.ReadAllText(path).Trim() : null);
        if (string.IsNullOrEmpty(text))
            return development ? new(DevelopmentKey, years) : throw new InvalidOperationException(
                "Set Whistle:Privacy:KeyEncryptionKey (32 random bytes in base64, e.g. `openssl rand -base64 32`) or " +
                "Whistle:Privacy:KeyEncryptionKeyPath: it wraps the keys of residents' personal data.");
        var key = Convert.FromBase64String(text);
        return key.Length == SealedText.KeySize ? new(key, years) : throw new InvalidOperationException(
            $"Whistle:Privacy:KeyEncryptionKey must be {SealedText.KeySize} bytes in base64; it is {key.Length}.");
    }
}
