namespace Whistle.County.Directory;

/// <summary>
/// The sample county 安澜县, modelled on the source report: 210 residential compounds of which 16 are under
/// construction, 140 owners' committees, 49 property-service companies serving 75 projects, the report's
/// departments. Generated from a fixed seed, so every run (and every test) sees the same county.
/// </summary>
public sealed record SampleCounty(
    string Id,
    string Name,
    IReadOnlyList<(string Code, SubDistrictInfo Info)> SubDistricts,
    IReadOnlyList<(string Code, CommunityInfo Info)> Communities,
    IReadOnlyList<(string Code, PropertyCompanyInfo Info)> PropertyCompanies,
    IReadOnlyList<(string Code, CompoundInfo Info)> Compounds,
    IReadOnlyList<(string Code, DepartmentInfo Info)> Departments)
{
    public const string CountyId = "anlan";
    public const int CompoundCount = 210, UnderConstruction = 16, Committees = 140, Companies = 49, Projects = 75;

    private static readonly string[] SubDistrictNames = ["城关街道", "河滨街道", "新城街道", "东湖街道", "南山镇"];

    private static readonly string[] CommunityNames =
    [
        "东关", "西关", "南关", "北关", "文昌", "育才",
        "滨河", "新华", "龙泉", "凤鸣", "振兴", "光明",
        "和谐", "安康", "民主", "胜利", "团结", "友谊",
        "东湖", "西湖", "红旗", "建华", "永安", "长安",
        "南山", "北苑", "康宁", "太平", "兴隆", "福寿",
    ];

    private static readonly string[] CompoundPrefixes =
    [
        "锦绣", "阳光", "幸福", "和平", "金色", "翠湖", "水岸", "建设", "学府", "书香", "怡景", "丽都", "华府", "御景",
        "康乐", "青年", "紫薇", "银杏", "桂花", "梧桐", "清泉", "碧水", "绿洲", "世纪", "名门", "盛世", "鑫源", "铂悦",
        "如意", "吉祥", "天润", "恒大", "兴业", "东方", "丰泽", "润园",
    ];

    private static readonly string[] CompoundSuffixes = ["花园", "家园", "小区", "苑", "新城", "名邸", "雅居", "公馆", "佳苑", "嘉园"];

    private static readonly string[] Streets =
        ["人民路", "解放路", "建设路", "中山路", "文化路", "滨河路", "新华街", "府前街", "东风路", "青年路", "迎宾大道", "南山路"];

    private static readonly string[] CompanyWords =
    [
        "恒信", "锦华", "安居", "宜家", "华诚", "金盾", "万嘉", "鑫安", "祥和", "瑞丰", "宏远", "康泰", "永盛", "嘉禾",
        "佳美", "华瑞", "盛达", "中和", "诚信", "福源", "顺达", "汇丰", "天宇", "明德", "润泽", "安泰", "惠民", "友邦",
        "东升", "新世纪", "中原", "广厦", "长青", "蓝天", "绿城", "金阳", "同心", "兴达", "信达", "和美", "乐居", "美邻",
        "正泰", "通达", "卓越", "昌盛", "立信", "恒昌", "春晖",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];

    /// <summary>The sample county; the same on every call.</summary>
    public static SampleCounty Generate()
    {
        var random = new Random(20_221_127);
        var subDistricts = SubDistrictNames.Select((name, i) => ($"SD{i + 1:D2}", new SubDistrictInfo(name))).ToList();
        var communities = CommunityNames.Select((name, i) =>
            ($"CM{i / 6 + 1:D2}{i % 6 + 1:D2}", new CommunityInfo(name + "社区", $"SD{i / 6 + 1:D2}"))).ToList();

        var companies = CompanyWords.Select((word, i) => ($"PC{i + 1:D2}", new PropertyCompanyInfo(
            $"安澜县{word}物业服务有限公司", CreditCode(random), Surnames[random.Next(Surnames.Length)] + "经理",
            $"139{random.Next(10_000_000, 99_999_999)}"))).ToList();

        // Seven compounds a community; the first compounds keep the names the samples and tests refer to.
        var fixedNames = new Dictionary<string, string>
        {
            ["CP010101"] = "东关花园", ["CP010102"] = "锦绣家园", ["CP010201"] = "西湖苑", ["CP020101"] = "滨河湾",
        };
        var usedNames = new HashSet<string>(fixedNames.Values);
        var codes = communities.SelectMany(c => Enumerable.Range(1, 7).Select(n => (Community: c, Code: $"CP{c.Item1[2..]}{n:D2}"))).ToList();
        var underConstruction = Shuffle(codes.Select(c => c.Code).ToList(), random).Take(UnderConstruction).ToHashSet();
        var delivered = codes.Select(c => c.Code).Where(c => !underConstruction.Contains(c)).ToList();
        var withCommittee = Shuffle(delivered.ToList(), random).Take(Committees).ToHashSet();
        var managed = Shuffle(delivered.ToList(), random).Take(Projects).ToList();
        // Every company has a project; the first 26 have a second one.
        var companyOf = managed.Select((code, i) => (code, company: companies[i % Companies].Item1)).ToDictionary(x => x.code, x => x.company);

        var compounds = codes.Select(c =>
        {
            var name = fixedNames.GetValueOrDefault(c.Code) ?? UniqueName(random, usedNames);
            var stage = underConstruction.Contains(c.Code) ? CompoundStage.UnderConstruction : CompoundStage.Delivered;
            return (c.Code, new CompoundInfo(
                name, c.Community.Item1, c.Community.Item2.SubDistrictCode,
                $"{Streets[random.Next(Streets.Length)]}{random.Next(1, 400)}号", random.Next(8, 161) * 10, stage,
                companyOf.GetValueOrDefault(c.Code), Committee(withCommittee.Contains(c.Code), random)));
        }).ToList();

        return new SampleCounty(CountyId, "安澜县", subDistricts, communities, companies, compounds, SampleDepartments.All);
    }

    private static OwnersCommittee Committee(bool formed, Random random)
    {
        if (!formed) return new OwnersCommittee(false, null, null, null);
        var start = new DateOnly(2021, 1, 1).AddDays(random.Next(0, 5 * 365));
        // About one committee in four has done nothing for over a year: the report's "zombie" committees (僵尸业委会).
        var lastActivity = random.Next(4) == 0
            ? start.AddDays(random.Next(0, 60))
            : new DateOnly(2026, 10, 31).AddDays(-random.Next(0, 120));
        return new OwnersCommittee(true, start, start.AddYears(5).AddDays(-1), lastActivity < start ? start : lastActivity);
    }

    private static string UniqueName(Random random, HashSet<string> used)
    {
        while (true)
        {
            var name = CompoundPrefixes[random.Next(CompoundPrefixes.Length)] + CompoundSuffixes[random.Next(CompoundSuffixes.Length)];
            if (used.Add(name)) return name;
        }
    }

    /// <summary>An 18-character unified social credit code of the right shape (not a real company's).</summary>
    private static string CreditCode(Random random)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return "91410523" + string.Concat(Enumerable.Range(0, 10).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
