namespace Whistle.Hosting.OpenApi;

/// <summary>A capability as the API reference groups it: one tag, Chinese name first.</summary>
public sealed record Capability(string Namespace, string Tag, string Description);

/// <summary>
/// The one table from an endpoint's namespace (its capability folder) to its tag, in the order the reference lists
/// them: the longest namespace that contains the endpoint wins.
/// </summary>
public static class Capabilities
{
    public static readonly IReadOnlyList<Capability> All =
    [
        new("Whistle.Complaints", "投诉 Complaints",
            "群众投诉从登记、受理、办结到回访、关闭的全过程。A resident's complaint from lodging and acceptance to resolution, follow-up and closure."),
        new("Whistle.Whistles", "吹哨 Whistles",
            "街道、社区吹哨，部门报到：签收、答复、拒绝、延期与裁定。A sub-district or community blows the whistle and departments answer: sign-for, reply, rejection, extension, arbitration."),
        new("Whistle.JointMeetings", "联席会议 Joint meetings",
            "联席办的会议、议程、决议、纪要与待办。The joint-meeting office's meetings, agendas, resolutions, minutes and worklist."),
        new("Whistle.FeeDisputes", "物业费纠纷 Fee disputes",
            "物业费纠纷：催缴、业主理由、减免、分期、调解、诉讼与信用记录。Property-fee disputes: demands, owners' reasons, waivers, payment plans, mediation, court and credit referral."),
        new("Whistle.Mediation", "人民调解 Mediation",
            "人民调解案件：受理、调解、协议、司法确认与履行回访。People's mediation cases: acceptance, sessions, agreements, judicial confirmation and follow-up."),
        new("Whistle.Cases", "案件 Cases",
            "各类案件的统一列表。Every kind of case in one list."),
        new("Whistle.Notifications", "通知 Notifications",
            "用户自己的站内通知。The caller's own in-app notifications."),
        new("Whistle.Assessment", "考核 Assessment",
            "部门、街道、社区的月度考核、申诉、信用档案与异常信号。Monthly scorecards of departments and territories, appeals, credit files and gaming signals."),
        new("Whistle.Privacy", "个人信息 Personal data",
            "个人信息默认脱敏；说明用途后调阅并留痕，调阅记录可查。Residents' personal data is masked; unmasking it takes a stated purpose and is recorded, and the record can be listed."),
        new("Whistle.History", "历史与回放 History",
            "按时点回看、差异、时间线、证据、完整性校验、导出与模拟考核。Cases and dashboards as of a moment, differences, timelines, evidence, integrity checks, exports and what-if scoring."),
        new("Whistle.County", "县域数据 County data",
            "县域名录、投诉类别目录、工作日历、时限政策与工作人员。The county's directory, complaint catalogue, calendar, deadline policy and staff."),
        new("Whistle.Hosting", "运维 Administration",
            "死信、投影重建等运维操作。Dead letters, projection rebuilds and other operations."),
    ];

    /// <summary>The capability of an endpoint class; null for a namespace the table does not know (a test fails then).</summary>
    public static Capability? Of(Type endpoint) =>
        All.Where(c => endpoint.Namespace == c.Namespace || endpoint.Namespace?.StartsWith(c.Namespace + ".", StringComparison.Ordinal) == true)
            .MaxBy(c => c.Namespace.Length);
}
