using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.BuildingBlocks.Contracts;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Platform.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// The pages of results kept in memory (issue #15 §2, ADR 0014 amended): kept under the index's change stamp, so any
/// write of the index shows at the very next request (no waiting beyond the outbox hop into the index itself), and
/// keyed by the caller's scope, so a page computed for one caller never answers another who may see less.
/// </summary>
public sealed class SearchCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Url(string q, string? kind = null) =>
        $"{SearchRecords.Route}?q={Uri.EscapeDataString(q)}" + (kind is null ? "" : $"&kind={kind}");

    private static async Task<SearchResults> SearchAsync(HttpClient client, string q, string? kind = null) =>
        await (await client.GetAsync(Url(q, kind))).ReadAsync<SearchResults>();

    private Task<Guid> UnitAsync(string code) => api.InScopeAsync(sp =>
        sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<Guid> AddPolicyAsync(Guid unitId, string title, string? summary = null) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var policy = PolicyDocument.Create(unitId, new PolicyDetails("98/CACHE", title, "Kiểm thử", new DateOnly(2025, 1, 2),
            new DateOnly(2025, 1, 2), null, null, summary));
        db.Policies.Add(policy);
        await db.SaveChangesAsync();
        return policy.Id;
    });

    /// <summary>Waits on the index's own row (not on the search): once it holds <paramref name="done"/>, the next search must show it.</summary>
    private Task IndexedAsync(Guid recordId, Func<string?, bool> done, string because) => Eventually.UntilAsync(() => api.InScopeAsync(async sp =>
        done(await sp.GetRequiredService<PlatformDbContext>().SearchEntries.Where(e => e.RecordId == recordId)
            .Select(e => e.Removed ? null : e.Title).SingleOrDefaultAsync())), because: because);

    [ApiFact]
    public async Task Given_a_page_kept_When_its_record_is_changed_and_then_deleted_Then_the_very_next_search_shows_it()
    {
        var id = await AddPolicyAsync(await UnitAsync("HY"), "Quy định cachekoala về hội nghị");
        var leader = await api.LoginAsync(Users.Leader);
        await IndexedAsync(id, t => t?.Contains("cachekoala") == true, "the policy indexed");
        (await SearchAsync(leader, "cachekoala")).Total.ShouldBe(1);
        (await SearchAsync(leader, "cachekoala")).Total.ShouldBe(1, "asked again: the kept page");
        (await SearchAsync(leader, "cachekoalb")).Total.ShouldBe(0, "kept too: a page of nothing");

        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            (await db.Policies.SingleAsync(p => p.Id == id)).Update(new PolicyDetails("98/CACHE", "Quy định cachekoalb về hội nghị", "Kiểm thử",
                new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2), null, null, null));
            return await db.SaveChangesAsync();
        });
        await IndexedAsync(id, t => t?.Contains("cachekoalb") == true, "the changed title indexed");
        // One request each, no retry: the index's write renewed its stamp in the same transaction.
        (await SearchAsync(leader, "cachekoala")).Total.ShouldBe(0, "the old title left the kept results at once");
        var renamed = await SearchAsync(leader, "cachekoalb");
        renamed.Items.ShouldHaveSingleItem().Title.ShouldBe("Quy định cachekoalb về hội nghị");

        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            db.Policies.Remove(await db.Policies.SingleAsync(p => p.Id == id));
            return await db.SaveChangesAsync();
        });
        await IndexedAsync(id, t => t is null, "the deletion indexed");
        var gone = await SearchAsync(leader, "cachekoalb");
        (gone.Total, gone.Items.Count, gone.Kinds.Count).ShouldBe((0, 0, 0), "the removed record left the kept results at once");
    }

    [ApiFact]
    public async Task Given_a_page_kept_When_a_row_changes_behind_the_apps_back_Then_the_kept_page_answers_until_the_next_saved_change()
    {
        // What the cache saves: a bulk update bypasses SaveChanges (no stamp), so the page asked before is answered from memory.
        var root = await UnitAsync("HY");
        var id = await AddPolicyAsync(root, "Quy định cachewombat về thi đua");
        await IndexedAsync(id, t => t is not null, "the policy indexed");
        var leader = await api.LoginAsync(Users.Leader);
        (await SearchAsync(leader, "cachewombat")).Items.ShouldHaveSingleItem().Title.ShouldBe("Quy định cachewombat về thi đua");
        await api.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().SearchEntries.Where(e => e.RecordId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Đổi ngầm")));
        (await SearchAsync(leader, "cachewombat")).Items.ShouldHaveSingleItem().Title.ShouldBe("Quy định cachewombat về thi đua", "served from memory");

        var other = await AddPolicyAsync(root, "Văn bản khác cachenumbat");
        await IndexedAsync(other, t => t is not null, "another document indexed (a saved change of the index)");
        (await SearchAsync(leader, "cachewombat")).Items.ShouldHaveSingleItem().Title.ShouldBe("Đổi ngầm", "a new generation reads the index again");
    }

    [ApiFact]
    public async Task Given_a_page_kept_for_a_Van_Lam_officer_When_a_My_Hao_officer_asks_the_same_Then_no_Van_Lam_hit_count_or_snippet_reaches_them()
    {
        var vanLamPolicy = await AddPolicyAsync(await UnitAsync("VANLAM"), "Văn bản cachequoll của Văn Lâm", "Nội dung riêng cachequoll vanlamrieng");
        var myHaoPolicy = await AddPolicyAsync(await UnitAsync("MYHAO"), "Văn bản cachequoll của Mỹ Hào");
        await IndexedAsync(vanLamPolicy, t => t is not null, "Văn Lâm's policy indexed");
        await IndexedAsync(myHaoPolicy, t => t is not null, "Mỹ Hào's policy indexed");

        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        // Văn Lâm asks first (each page is kept), then Mỹ Hào the very same queries.
        foreach (var (q, kind) in new[] { ("cachequoll", (string?)null), ("cachequoll", "policy"), ("cachequoll vanlamrieng", null), ("vanlamrieng", "policy") })
        {
            var own = await SearchAsync(vanLam, q, kind);
            own.Items.ShouldContain(i => i.Id == vanLamPolicy, $"Văn Lâm finds its own for '{q}'");
            var other = await SearchAsync(myHao, q, kind);
            other.Items.ShouldNotContain(i => i.Id == vanLamPolicy, $"'{q}' {kind}");
            other.Items.ShouldAllBe(i => !i.Snippet.Contains("vanlamrieng") && !i.Title.Contains("Văn Lâm"));
            other.Total.ShouldBe(q == "cachequoll" ? 1 : 0, $"only Mỹ Hào's own counted for '{q}'");
            other.Kinds.Sum(k => k.Count).ShouldBe(other.Total);
        }
        // And the other way round: Mỹ Hào's page kept first never widens Văn Lâm's.
        (await SearchAsync(myHao, "cua my hao cachequoll")).Total.ShouldBe(1);
        (await SearchAsync(vanLam, "cua my hao cachequoll")).Total.ShouldBe(0);
    }

    [ApiFact]
    public async Task Given_a_page_kept_for_the_propaganda_board_When_the_finance_officer_of_the_same_units_asks_the_same_Then_no_campaign_reaches_them()
    {
        // Both hold one grant over the whole province (the same units, the same scope key) but different roles: the
        // campaigns need training.read, which the finance officer lacks. The key must tell them apart (the reach key
        // names each grant's role), or the page kept for the board would answer the finance officer.
        var root = await UnitAsync("HY");
        var campaign = Guid.NewGuid();
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var entry = new SearchEntry { Kind = "campaign", RecordId = campaign, AsOfUtc = DateTime.MinValue };
            entry.Apply(new SearchDocument("campaign", campaign, root, SearchReach.Subtree, "Chiến dịch cachedingo tuyên truyền",
                "Nội dung cachedingo", "Active", new DateOnly(2025, 3, 1), $"/training/campaigns/{campaign}"), DateTime.UtcNow);
            db.SearchEntries.Add(entry);
            return await db.SaveChangesAsync();
        });
        var board = await api.LoginAsync("tuyengiao@hungyen.demo");
        var finance = await api.LoginAsync("taichinh@hungyen.demo");
        foreach (var kind in new[] { null, "campaign" })
        {
            (await SearchAsync(board, "cachedingo", kind)).Items.ShouldHaveSingleItem().Id.ShouldBe(campaign, "the board reads campaigns");
            var other = await SearchAsync(finance, "cachedingo", kind);
            (other.Total, other.Items.Count, other.Kinds.Count).ShouldBe((0, 0, 0), $"no campaign hit or count for the finance officer ({kind ?? "all kinds"})");
        }
    }
}
