using System.Globalization;
using System.Net;
using System.Text;
using Whistle.Kernel;

namespace Whistle.History.Evidence;

/// <summary>
/// The printable evidence page (案件证据), Chinese first with English beside: the case, who made it when, the digest and
/// signature of the JSON file made at the same time, each stream with its chain's head and verification, then every
/// entry of the timeline and every link of the chains. Every value HTML-encoded; times in county time.
/// </summary>
public static class EvidencePage
{
    public static string Render(CaseEvidence evidence, string digest, string keyId, string signature)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string T(DateTimeOffset t) => H(CountyTime.Local(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var issued = evidence.Issued;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>案件证据 {{H(evidence.Number)}} Case evidence</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}td,th{border:1px solid #999;padding:4px;vertical-align:top}code{font-size:.8em;word-break:break-all}.broken{font-weight:bold}</style>
            </head><body><h1>案件证据 <span lang="en">Case evidence</span> {{H(evidence.Number)}}</h1>
            <p>县 County：{{H(issued.County)}}　制作人 Made by：{{H(issued.By)}}（{{H(issued.Role)}}）　制作时间 Made at：{{T(issued.At)}}　{{(issued.PersonalDataMasked ? "个人信息已脱敏 Personal data masked" : "含个人信息 Personal data in clear")}}</p>
            <p>哈希链核验 Chain verification：<strong class="{{(evidence.Intact ? "" : "broken")}}">{{(evidence.Intact ? "全部完整 every chain intact" : "有断裂 broken")}}</strong></p>
            <p>摘要 Digest：<code>{{H(digest)}}</code><br>签名密钥 Key id：<code>{{H(keyId)}}</code><br>签名 Signature（ECDSA P-256, SHA-256, DER, base64）：<code>{{H(signature)}}</code></p>
            <p>同时生成的 JSON 证据文件中，摘要与签名针对 <code>evidence</code> 字段的原始字节；公钥见 <code>/api/history/evidence/public-key</code>。
            <span lang="en">Digest and signature cover the exact bytes of the <code>evidence</code> value of the JSON file made with this page; the public key is at <code>/api/history/evidence/public-key</code>.</span></p>
            <h2>事件流 <span lang="en">Streams</span></h2>
            <table><tr><th>流 Stream</th><th>版本 Version</th><th>核验 Verification</th><th>链头哈希 Head hash</th></tr>
            """);
        foreach (var s in evidence.Streams)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(s.Zh)}<br><span lang=\"en\">{H(s.En)}</span><br><code>{s.Id}</code></td><td>{s.Version}</td><td{(s.Intact ? "" : " class=\"broken\"")}>{(s.Intact ? "完整 intact" : H(s.Broken?.Description))}</td><td><code>{H(s.Head)}</code></td></tr>");
        html.Append("</table><h2>时间线 <span lang=\"en\">Timeline</span></h2><table><tr><th>时间 Time</th><th>流 Stream</th><th>版本 Version</th><th>序号 Seq</th><th>经过 What happened</th></tr>");
        var labels = evidence.Streams.ToDictionary(s => s.Id, s => s.Zh);
        foreach (var e in evidence.Entries)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{T(e.At)}</td><td>{H(labels.GetValueOrDefault(e.StreamId))}</td><td>{e.Version}</td><td>{e.Sequence}</td><td>{H(e.Zh)}<br><span lang=\"en\">{H(e.En)}</span></td></tr>");
        html.Append("</table><h2>哈希链 <span lang=\"en\">Hash chains</span></h2>");
        foreach (var s in evidence.Streams)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{H(s.Zh)} <span lang=\"en\">{H(s.En)}</span></h3><table><tr><th>版本 Version</th><th>序号 Seq</th><th>前一哈希 Previous</th><th>哈希 Hash</th></tr>");
            foreach (var l in s.Links)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{l.Version}</td><td>{l.Sequence}</td><td><code>{H(l.Previous)}</code></td><td><code>{H(l.Hash)}</code></td></tr>");
            html.Append("</table>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }
}
