using Marten.Linq.MatchesSql;
using Whistle.Kernel;

namespace Whistle.Complaints;

/// <summary>
/// The words a caller remembers of a complaint (<c>q=</c> on the complaint list): each word, in any case, must appear in
/// the complaint's description or its number. Words are separated by spaces; Chinese is written without them, so
/// <c>消防通道</c> is one word and matches as a substring (<c>ILIKE '%消防通道%'</c>), which pg_trgm's GIN index on the
/// description and the number answers without reading every row (the cluster's C.UTF-8 locale keeps CJK characters in
/// trigrams: <c>show_trgm('消防通道')</c> gives five). A word has at least <see cref="MinLength"/> characters: most
/// Chinese words are two (噪音, 停车, 漏水), while one character matches a large part of the county and yields no trigram
/// to narrow the search. Measured on 50,009 complaints: a word of three or more characters that few complaints hold is
/// answered by a BitmapOr of both indexes in 6 ms; a two-character word, or one that a tenth of them hold, by a scan in
/// about 60 ms (the planner's choice: a trigram index cannot narrow a two-character pattern).
/// </summary>
public sealed record ComplaintWords(IReadOnlyList<string> Words)
{
    public const int MinLength = 2;
    public const int MaxWords = 5;
    public const int MaxLength = 100;

    /// <summary>The words of <paramref name="q"/>, or null (none given, or a field error added).</summary>
    public static ComplaintWords? Parse(string? q, FieldErrors errors)
    {
        if (q is null) return null;
        var words = q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || q.Length > MaxLength || words.Length > MaxWords || words.Any(w => w.Length < MinLength))
        {
            errors.Add("q", $"请输入 1 到 {MaxWords} 个词，每个词至少 {MinLength} 个字，共不超过 {MaxLength} 个字符。"
                + $"Give 1 to {MaxWords} words of at least {MinLength} characters each, {MaxLength} characters in all.");
            return null;
        }
        return new ComplaintWords(words.Distinct().ToList());
    }

    /// <summary>A word as a LIKE pattern that finds it anywhere: its own <c>%</c>, <c>_</c> and <c>\</c> are literal.</summary>
    public static string Pattern(string word) =>
        "%" + word.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The complaints whose description or number holds every word. The expressions are those of the trigram indexes
    /// (<see cref="ComplaintsSetup"/>), so PostgreSQL can use them.
    /// </summary>
    public IQueryable<ComplaintDetails> Filter(IQueryable<ComplaintDetails> query) =>
        Words.Aggregate(query, (q, word) =>
        {
            var pattern = Pattern(word);
            return q.Where(x => x.MatchesSql(
                "((d.data ->> 'description') ILIKE ? OR (d.data ->> 'number') ILIKE ?)", pattern, pattern));
        });
}
