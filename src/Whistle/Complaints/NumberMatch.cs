using System.Globalization;

namespace Whistle.Complaints;

/// <summary>How a complaint number the caller typed is matched.</summary>
public enum NumberMatchKind
{
    /// <summary>A whole number such as <c>TS-2026-000012</c>: that complaint only.</summary>
    Exact = 1,
    /// <summary>The start of a number such as <c>TS-2026-00</c>: every number that starts so.</summary>
    Prefix = 2,
    /// <summary>Digits only (<c>12</c>, <c>000012</c>): the complaints whose yearly sequence is that number, in any year.</summary>
    Sequence = 3,
}

/// <summary>
/// A complaint number as a hotline caller reads it out, normalised: upper case, without surrounding spaces.
/// Digits only (one to six of them) is the sequence number within the year, the number's last six digits, compared
/// as a number: <c>12</c>, <c>012</c> and <c>000012</c> all find <c>TS-2026-000012</c> (and <c>TS-2025-000012</c>, the
/// same sequence of another year), never <c>TS-2026-000120</c>. Anything else made of letters, digits and hyphens is
/// the start of a number; a whole number is matched exactly.
/// </summary>
public sealed record NumberMatch(NumberMatchKind Kind, string Text)
{
    public const int SequenceDigits = 6;
    public const int MaxLength = 32;

    /// <summary>The match for the caller's text, or null when it cannot be part of a number (other characters, too long).</summary>
    public static NumberMatch? Parse(string? value)
    {
        var text = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return null;
        if (text.All(char.IsAsciiDigit))
        {
            if (text.Length > SequenceDigits) return null;
            var sequence = long.Parse(text, CultureInfo.InvariantCulture);
            return sequence == 0 ? null : new NumberMatch(NumberMatchKind.Sequence, "-" + sequence.ToString("D6", CultureInfo.InvariantCulture));
        }
        return IsWhole(text) ? new NumberMatch(NumberMatchKind.Exact, text) : new NumberMatch(NumberMatchKind.Prefix, text);
    }

    /// <summary>Whether the text is a whole case number: series, year, six-digit sequence (<c>TS-2026-000012</c>).</summary>
    public static bool IsWhole(string text) =>
        text.Length == 14 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && text[2] == '-'
        && text[3..7].All(char.IsAsciiDigit) && text[7] == '-' && text[8..].All(char.IsAsciiDigit);

    /// <summary>Whether a stored number matches; the list's SQL asks the same with <c>=</c>, <c>LIKE 'x%'</c> and <c>LIKE '%x'</c>.</summary>
    public bool Matches(string number) => Kind switch
    {
        NumberMatchKind.Exact => number == Text,
        NumberMatchKind.Prefix => number.StartsWith(Text, StringComparison.Ordinal),
        _ => number.EndsWith(Text, StringComparison.Ordinal),
    };
}
