namespace Whistle.Assessment;

/// <summary>One bar of a <see cref="BarChart"/>: its label, its value (null: no figure, no bar) and the value as the page writes it.</summary>
public sealed record ChartBar(string Label, decimal? Value, string ValueText);
