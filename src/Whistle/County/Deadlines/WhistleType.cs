namespace Whistle.County.Deadlines;

/// <summary>The three kinds of whistle of the Beijing practice; each has its own deadlines.</summary>
public enum WhistleType
{
    Emergency = 1,  // 应急哨: burst pipes, collapses, cuts — departments on site within minutes
    Routine = 2,    // 日常哨: a problem the community cannot solve alone
    Tough = 3,      // 攻坚哨: a long-standing, hard problem needing a campaign
}
