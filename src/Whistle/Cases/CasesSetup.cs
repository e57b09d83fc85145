using System.Linq.Expressions;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace Whistle.Cases;

public static class CasesSetup
{
    public static void Configure(StoreOptions opts)
    {
        // Inline: a case's summary commits with its events, so the list is never behind the details.
        opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<CaseSummary>();
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping is DocumentMapping<CaseSummary> summaries) PageInSql(summaries);
        });
    }

    /// <summary>
    /// What a page filters on (scope's kind and area, the community asked for, open) and orders by are columns of their
    /// own, so a page reads an index in its order and stops at the page, and a count reads the index alone, whatever the
    /// county's size (a million events: pages 1.5 s at p99 when these were JSON expressions with one index each, issue
    /// 17). Each index ends with the page order (opened, id) and the county. Marten's one index per duplicated column is
    /// replaced by these: each leads with what a page narrows by (all, open, kind, the community with or without open, the
    /// sub-district) and carries the other filter columns. Marten fills the columns
    /// of existing rows when it adds them at start.
    /// </summary>
    private static void PageInSql(DocumentMapping<CaseSummary> summaries)
    {
        summaries.Duplicate(x => x.Kind);
        summaries.Duplicate(x => x.Open);
        summaries.Duplicate(x => x.OpenedAt);
        summaries.Duplicate(x => x.CommunityCode!);
        summaries.Duplicate(x => x.SubDistrictCode!);
        foreach (var single in summaries.Indexes.OfType<DocumentIndex>().ToList()) summaries.Indexes.Remove(single);

        // Each index also carries the other filter columns, so a count (and a filter on them) reads the index alone.
        Page(summaries, "opened", ["kind", "open", "community_code", "sub_district_code"], x => x.OpenedAt);
        Page(summaries, "open", ["kind", "community_code", "sub_district_code"], x => x.Open, x => x.OpenedAt);
        Page(summaries, "kind", [], x => x.Kind, x => x.Open, x => x.OpenedAt);
        Page(summaries, "community", ["kind", "open", "sub_district_code"], x => x.CommunityCode, x => x.OpenedAt);
        Page(summaries, "community_open", ["kind", "sub_district_code"], x => x.CommunityCode, x => x.Open, x => x.OpenedAt);
        Page(summaries, "sub_district", ["kind", "open", "community_code"], x => x.SubDistrictCode, x => x.OpenedAt);
    }

    private static void Page(
        DocumentMapping<CaseSummary> summaries, string name, string[] carried, params Expression<Func<CaseSummary, object?>>[] columns) =>
        summaries.Index([.. columns, x => x.Id], index =>
        {
            index.Name = $"mt_doc_casesummary_page_{name}";
            index.TenancyScope = TenancyScope.PerTenant;
            if (carried.Length > 0) index.IncludeColumns = carried;
        });
}
