using Whistle.County.Deadlines;


namespace Whistle.County.Catalogue;

/// <summary>
/// The catalogue Whistle ships: the problems the source report names, each with the department that leads on it,
/// those that help, and the whistle type it usually needs. A county publishes its own version on top.
/// </summary>
public static class DefaultCatalogue
{
    public static IReadOnlyList<CatalogueEntry> Entries { get; } =
    [
        new("illegal-construction", "违法建设（乱搭乱建）", "Illegal construction", "chengguan", ["guihua", "zhujian"], WhistleType.Tough),
        new("illegal-parking", "乱停乱放", "Illegal parking", "gongan", ["chengguan"], WhistleType.Routine),
        new("fire-lane-blocked", "占用消防通道", "Fire lane blocked", "xiaofang", ["gongan", "chengguan"], WhistleType.Emergency),
        new("littering", "乱扔垃圾、环境卫生", "Littering and sanitation", "chengguan", [], WhistleType.Routine),
        new("green-space", "毁绿种菜、侵占绿地", "Green space turned into plots", "chengguan", ["zhujian"], WhistleType.Routine),
        new("property-service", "物业服务质量", "Property service quality", "zhujian", ["shichang"], WhistleType.Routine),
        new("property-fee", "物业收费与物业费纠纷", "Property fees and fee disputes", "zhujian", ["shichang", "mediation-centre"], WhistleType.Routine),
        new("maintenance-fund", "专项维修资金", "Special maintenance fund", "zhujian", [], WhistleType.Tough),
        new("company-exit", "物业企业撤出与交接", "Company leaving without handover", "zhujian", ["minzheng"], WhistleType.Tough),
        new("owners-committee", "业主委员会履职", "Owners' committee conduct", "zhujian", ["minzheng"], WhistleType.Routine),
        new("elevator-safety", "电梯安全隐患", "Elevator safety hazard", "shichang", ["zhujian"], WhistleType.Emergency),
        new("fire-safety", "消防安全隐患", "Fire-safety hazard", "xiaofang", ["yingji", "zhujian"], WhistleType.Emergency),
        new("noise", "噪声扰民", "Noise", "huanbao", ["gongan", "chengguan"], WhistleType.Routine),
        new("utilities", "停水停电、管网故障", "Water, power and pipe failures", "jingxin", ["zhujian", "yingji"], WhistleType.Emergency),
        new("neighbour-dispute", "邻里纠纷", "Neighbour dispute", "mediation-centre", ["sifa"], WhistleType.Routine),
    ];
}
