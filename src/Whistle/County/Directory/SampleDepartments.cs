namespace Whistle.County.Directory;

/// <summary>
/// The departments the source report names, with the enforcement items it asks to post in every compound
/// (统一制作宣传牌). Contacts and hotlines are the sample county's, made up; 12345 is the national hotline.
/// </summary>
public static class SampleDepartments
{
    public static IReadOnlyList<(string Code, DepartmentInfo Info)> All { get; } =
    [
        ("zhujian", new("县住房和城乡建设局", "Housing and Urban-Rural Development",
            ["物业服务企业监管与信用评价", "住宅专项维修资金归集、使用监管", "业主大会、业主委员会成立与履职指导", "物业服务合同备案与退出交接监管", "电梯等共用设施设备安全监管"],
            "周科长", "0371-6881 2201", "0371-6881 2299")),
        ("gongan", new("县公安局", "Public Security",
            ["小区治安管理与防范", "群租、违规住宿治安检查", "高空抛物等违法行为查处", "噪声扰民（社会生活噪声）警情处置"],
            "吴警官", "0371-6881 2301", "0371-6881 2399")),
        ("sifa", new("县司法局", "Justice",
            ["人民调解工作指导", "物业纠纷调解组织建设", "法律援助与法律咨询", "调解协议司法确认衔接"],
            "郑科长", "0371-6881 2401", "0371-6881 2499")),
        ("minzheng", new("县民政局", "Civil Affairs",
            ["城乡社区治理指导", "低保、特困（五保）对象认定", "社区社会组织登记管理"],
            "冯科长", "0371-6881 2501", "0371-6881 2599")),
        ("yingji", new("县应急管理局", "Emergency Management",
            ["小区安全生产隐患排查督导", "突发事件应急处置协调", "防汛防灾应急指挥"],
            "陈科长", "0371-6881 2601", "0371-6881 2699")),
        ("huanbao", new("县生态环境分局", "Ecology and Environment",
            ["建筑施工噪声、工业噪声污染查处", "餐饮油烟污染查处", "生活污水违规排放查处"],
            "褚科长", "0371-6881 2701", "0371-6881 2799")),
        ("guihua", new("县自然资源和规划局", "Natural Resources and Planning",
            ["小区规划条件核实与变更监管", "违反规划建设行为认定", "公共配套设施规划落实"],
            "卫科长", "0371-6881 2801", "0371-6881 2899")),
        ("chengguan", new("县城市管理局", "Urban Management",
            ["违法建设（乱搭乱建）查处", "毁绿种菜、侵占绿地查处", "占道经营、乱堆乱放查处", "生活垃圾分类与乱扔垃圾查处", "小区周边乱停乱放治理"],
            "孙队长", "0371-6881 2901", "0371-6881 2999")),
        ("shichang", new("县市场监督管理局", "Market Regulation",
            ["物业服务收费明码标价监督", "电梯、锅炉等特种设备安全监察", "小区内经营行为监管"],
            "蒋科长", "0371-6881 3001", "0371-6881 3099")),
        ("jingxin", new("县工业和信息化局", "Economy and Information Technology",
            ["小区供电、通信设施协调", "智慧物业平台建设推进"],
            "沈科长", "0371-6881 3101", "0371-6881 3199")),
        ("xiaofang", new("县消防救援大队", "Fire and Rescue",
            ["消防通道占用查处", "小区消防设施检查", "电动车违规停放充电查处"],
            "韩教导员", "0371-6881 3201", "0371-6881 3299")),
        ("mediation-centre", new("县人民调解委员会物业纠纷调解中心", "Property Dispute Mediation Centre",
            ["物业费纠纷调解", "相邻关系纠纷调解", "批量纠纷集中调解", "调解协议履行回访"],
            "吴调解", "0371-6881 3301", "0371-6881 3399")),
    ];
}
