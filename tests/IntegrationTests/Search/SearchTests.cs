using System.Net;
using Khcn.BuildingBlocks.Text;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Participation;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Topics;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Search;
using Khcn.Platform.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// The KH,CN&amp;ĐMST search (issue #15, ADR 0014): documents reach the index through the modules' outboxes, the query
/// folds Vietnamese, ranks titles first, marks the matches, and never shows (or counts) anything outside the scope.
/// </summary>
public sealed class SearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Url(string q, string? kind = null) =>
        $"{SearchRecords.Route}?q={Uri.EscapeDataString(q)}" + (kind is null ? "" : $"&kind={kind}");

    private async Task<SearchResults> SearchAsync(HttpClient client, string q, string? kind = null) =>
        await (await client.GetAsync(Url(q, kind))).ReadAsync<SearchResults>();

    /// <summary>Waits until the caller's search for <paramref name="q"/> satisfies <paramref name="arrived"/> (the outbox runs after the commit).</summary>
    private async Task<SearchResults> EventuallyAsync(HttpClient client, string q, Func<SearchResults, bool> arrived, string because)
    {
        SearchResults results = null!;
        await Eventually.UntilAsync(async () => arrived(results = await SearchAsync(client, q)), because: because);
        return results;
    }

    private Task<Guid> UnitAsync(string code) => api.InScopeAsync(sp =>
        sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<Guid> AddPolicyAsync(Guid unitId, string title, string? summary = null) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var policy = PolicyDocument.Create(unitId, new PolicyDetails("99/TEST", title, "Kiểm thử", new DateOnly(2025, 1, 2),
            new DateOnly(2025, 1, 2), null, null, summary));
        db.Policies.Add(policy);
        await db.SaveChangesAsync();
        return policy.Id;
    });

    [ApiFact]
    public async Task Given_demo_data_When_searching_without_diacritics_Then_the_folded_words_match_and_are_marked()
    {
        var leader = await api.LoginAsync(Users.Leader);
        // đ = d, no tones, any case: "doi moi SANG tao" finds "đổi mới sáng tạo" (the plan 405 policy, indexed at start).
        var results = await EventuallyAsync(leader, "doi moi SANG tao", r => r.Items.Any(i => i.Kind == "policy"), "the demo data indexed at start");
        var hit = results.Items.First(i => i.Kind == "policy" && i.Title.Contains("đổi mới sáng tạo"));
        hit.Link.ShouldBe($"/organization/policies/{hit.Id}");
        var marked = hit.TitleMarks.Select(m => VietnameseText.Fold(hit.Title.Substring(m.Start, m.Length))).ToList();
        marked.ShouldContain("doi");
        marked.ShouldContain("moi");
        marked.ShouldContain("sang");
        marked.ShouldContain("tao");
        results.Kinds.ShouldContain(k => k.Kind == "policy");
        results.Total.ShouldBe(results.Kinds.Sum(k => k.Count));

        // "chinh sach" style: "khen thuong sang kien" finds the reward rules 112/QĐ-LĐLĐ, and a prefix ("khen thu") too.
        (await SearchAsync(leader, "khen thuong sang kien", "policy")).Items.ShouldContain(i => i.Title.StartsWith("Quy chế khen thưởng sáng kiến"));
        (await SearchAsync(leader, "KHEN THU", "policy")).Items.ShouldContain(i => i.Title.StartsWith("Quy chế khen thưởng sáng kiến"));
        // The number's letters are words too: "qd ldld" reaches "112/QĐ-LĐLĐ" in the text.
        var byNumber = await SearchAsync(leader, "112 qd ldld", "policy");
        byNumber.Items.ShouldHaveSingleItem().Snippet.ShouldContain("112/QĐ-LĐLĐ");
    }

    [ApiFact]
    public async Task Given_a_word_in_one_title_and_another_text_When_searching_Then_the_title_ranks_first()
    {
        var root = await UnitAsync("HY");
        var inText = await AddPolicyAsync(root, "Hướng dẫn chung về hồ sơ", "Thủ tục xét duyệt đề tài qua hệ thống zơlakrank và biểu mẫu");
        var inTitle = await AddPolicyAsync(root, "Quy định zơlakrank cho đề tài", "Nội dung khác");
        var leader = await api.LoginAsync(Users.Leader);
        var results = await EventuallyAsync(leader, "zolakrank", r => r.Total == 2, "both documents indexed");
        results.Items.Select(i => i.Id).ShouldBe([inTitle, inText]);
        var snippet = results.Items[1];
        snippet.SnippetMarks.ShouldHaveSingleItem();
        snippet.Snippet.Substring(snippet.SnippetMarks[0].Start, snippet.SnippetMarks[0].Length).ShouldBe("zơlakrank");
    }

    [ApiFact]
    public async Task Given_records_of_Van_Lam_When_a_My_Hao_officer_searches_Then_no_hit_count_or_snippet_shows_them()
    {
        var vanLam = await UnitAsync("VANLAM");
        var myHao = await UnitAsync("MYHAO");
        await AddPolicyAsync(vanLam, "Văn bản riêng quokkavl của Văn Lâm", "Chỉ Văn Lâm và cấp trên thấy quokkavl");
        await AddPolicyAsync(myHao, "Văn bản riêng quokkavl của Mỹ Hào");
        var leader = await api.LoginAsync(Users.Leader);
        await EventuallyAsync(leader, "quokkavl", r => r.Total == 2, "both policies indexed");

        var vanLamOfficer = await api.LoginAsync(Users.VanLamOfficer);
        var own = await SearchAsync(vanLamOfficer, "quokkavl");
        own.Total.ShouldBe(1);
        own.Items.ShouldHaveSingleItem().Title.ShouldContain("Văn Lâm");

        var myHaoOfficer = await api.LoginAsync(Users.MyHaoOfficer);
        var other = await SearchAsync(myHaoOfficer, "quokkavl");
        other.Total.ShouldBe(1, "only Mỹ Hào's own document is counted");
        other.Items.ShouldHaveSingleItem().Title.ShouldContain("Mỹ Hào");
        other.Kinds.ShouldHaveSingleItem().Count.ShouldBe(1);
        var filtered = await SearchAsync(myHaoOfficer, "quokkavl van lam");
        filtered.Total.ShouldBe(0);
        filtered.Kinds.ShouldBeEmpty();
        filtered.Items.ShouldBeEmpty();
        // ...and a Văn Lâm subtree asked for by id is outside the scope: 404, not an empty page.
        (await myHaoOfficer.GetAsync($"{Url("quokkavl")}&within={vanLam}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SearchAsync(vanLamOfficer, "quokkavl")).Total.ShouldBe(1);
    }

    [ApiFact]
    public async Task Given_partner_staff_When_they_search_Then_they_find_only_their_agencys_courses()
    {
        var partner = await api.LoginAsync("doitac@hungyen.demo");
        var leader = await api.LoginAsync(Users.Leader);
        var all = await EventuallyAsync(leader, "khoa", r => r.Total > 0, "demo courses indexed");
        var mine = await SearchAsync(partner, "khoa");
        mine.Kinds.ShouldAllBe(k => k.Kind == "course");
        var agencies = await api.InScopeAsync(async sp =>
        {
            var ids = mine.Items.Select(i => i.Id).ToList();
            return await sp.GetRequiredService<PlatformDbContext>().SearchEntries.Where(e => ids.Contains(e.RecordId)).Select(e => e.AgencyId).Distinct().ToListAsync();
        });
        agencies.Count.ShouldBeLessThanOrEqualTo(1, "one agency's courses only");
        (await SearchAsync(partner, "ke hoach 405")).Total.ShouldBe(0, "no union documents for a partner");
        all.Total.ShouldBeGreaterThanOrEqualTo(mine.Total);
    }

    [ApiFact]
    public async Task Given_an_indexed_record_When_it_is_changed_and_then_deleted_Then_the_index_follows_through_the_outbox()
    {
        var root = await UnitAsync("HY");
        var id = await AddPolicyAsync(root, "Quy định tạm walrusold về hội thảo");
        var leader = await api.LoginAsync(Users.Leader);
        await EventuallyAsync(leader, "walrusold", r => r.Total == 1, "the new policy indexed");

        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            var policy = await db.Policies.SingleAsync(p => p.Id == id);
            policy.Update(new PolicyDetails("99/TEST", "Quy định walrusnew về hội thảo", "Kiểm thử", new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2), null, null, null));
            return await db.SaveChangesAsync();
        });
        await EventuallyAsync(leader, "walrusnew", r => r.Total == 1, "the changed title indexed");
        (await SearchAsync(leader, "walrusold")).Total.ShouldBe(0, "the old title is gone");

        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            db.Policies.Remove(await db.Policies.SingleAsync(p => p.Id == id));
            return await db.SaveChangesAsync();
        });
        await EventuallyAsync(leader, "walrusnew", r => r.Total == 0, "the deleted policy leaving the index");
    }

    [ApiFact]
    public async Task Given_an_emptied_index_When_an_administrator_rebuilds_it_Then_every_record_is_found_again()
    {
        var admin = await api.LoginAsync(Users.Admin);
        await EventuallyAsync(admin, "khen thuong sang kien", r => r.Total > 0, "the demo data indexed at start");
        await SearchIndexRows.DeleteAsync(api, e => true);
        (await SearchAsync(admin, "khen thuong sang kien")).Total.ShouldBe(0, "the full-text rows went with their documents");

        (await (await api.LoginAsync(Users.VanLamOfficer)).PostAsync(RebuildSearchIndex.Route, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var response = await admin.PostAsync(RebuildSearchIndex.Route, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rebuilt = await response.ReadAsync<SearchRebuildResult>();
        rebuilt.Kinds.Select(k => k.Kind).ShouldBe(["unit", "policy", "plan", "implementation-plan", "campaign", "course", "initiative", "topic", "movement"], ignoreOrder: true);
        rebuilt.Kinds.ShouldAllBe(k => k.Indexed > 0);
        (await SearchAsync(admin, "khen thuong sang kien")).Total.ShouldBeGreaterThan(0);

        // Again: nothing doubles.
        var before = await api.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().SearchEntries.CountAsync());
        (await admin.PostAsync(RebuildSearchIndex.Route, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().SearchEntries.CountAsync())).ShouldBe(before);
    }

    [ApiFact]
    public async Task Given_the_demo_topics_When_searching_without_diacritics_Then_the_topic_is_found_within_its_units_scope_and_links_to_its_page()
    {
        var leader = await api.LoginAsync(Users.Leader);
        // "tiet kiem nang luong" finds Yên Mỹ's "Giải pháp tiết kiệm năng lượng…" proposal (indexed at start).
        var results = await EventuallyAsync(leader, "tiet kiem nang luong", r => r.Items.Any(i => i.Kind == "topic"), "the demo topics indexed at start");
        var hit = results.Items.First(i => i.Kind == "topic");
        hit.Title.ShouldStartWith("Giải pháp tiết kiệm năng lượng");
        hit.Link.ShouldBe($"/participation/topics/{hit.Id}");
        hit.Status.ShouldBe(nameof(TopicStatus.Submitted));
        hit.TitleMarks.Select(m => VietnameseText.Fold(hit.Title.Substring(m.Start, m.Length))).ShouldBe(["tiet", "kiem", "nang", "luong"]);

        // Mỹ Hào's topic: found by Mỹ Hào, not by Văn Lâm (neither a hit nor a count).
        (await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "tu van phap luat luu dong", "topic")).Total.ShouldBe(1);
        var vanLam = await SearchAsync(await api.LoginAsync(Users.VanLamOfficer), "tu van phap luat luu dong");
        vanLam.Kinds.ShouldNotContain(k => k.Kind == "topic");
        vanLam.Items.ShouldNotContain(i => i.Kind == "topic");
    }

    [ApiFact]
    public async Task Given_a_topic_proposed_in_Lac_Hong_When_searched_and_then_withdrawn_Then_its_readers_find_it_as_the_topics_list_shows_it_and_marked_withdrawn()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng tìm kiếm đề tài", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30));
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var lacHong = await UnitAsync("VANLAM-DETMAYLACHONG");
        var lead = await TopicTests.OfficialAsync(officer, lacHong, "Chủ nhiệm tìm kiếm");
        var member = await TopicTests.OfficialAsync(officer, lacHong, "Thành viên tìm kiếm");
        var created = await officer.PostJsonAsync(Khcn.Participation.Features.Topics.ProposeTopic.Route,
            TopicTests.Proposal(call.Id, lacHong, "Nâng cao năng suất lao động bằng mô hình ocelotdt", lead, [member]));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var topic = await created.ReadAsync<TopicDetail>();

        // Without diacritics, by a word of the title: "nang suat" finds "năng suất".
        var found = await EventuallyAsync(officer, "nang suat ocelotdt", r => r.Total == 1, "the new topic indexed");
        var hit = found.Items.ShouldHaveSingleItem();
        (hit.Kind, hit.Id, hit.Link, hit.Status).ShouldBe(("topic", topic.Id, $"/participation/topics/{topic.Id}", nameof(TopicStatus.Draft)));

        // A finance officer of Văn Lâm who is a member in Mỹ Hào: the list checks participation.read on any grant, then
        // shows every unit the caller sees — Văn Lâm's topics included.
        var mixed = $"taichinh.{Guid.NewGuid():N}@hungyen.demo";
        var user = await (await api.LoginAsync(Users.Admin)).PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = mixed, fullName = "Cán bộ tài chính kiêm đoàn viên", password = "Demo@2025!x",
            grants = new[] { new { role = "finance-officer", unitId = await UnitAsync("VANLAM") }, new { role = "member", unitId = await UnitAsync("MYHAO") } },
        });
        user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());

        // Exactly the readers of the topics list: the province, Lạc Hồng's member and the mixed grants (the scope
        // filter), never Mỹ Hào.
        foreach (var (email, expected) in new[] { (Users.PolicyLaw, 1), (Users.Leader, 1), ("doanvien@hungyen.demo", 1), (mixed, 1), (Users.MyHaoOfficer, 0) })
        {
            var reader = email == mixed ? await api.LoginAsync(mixed, "Demo@2025!x") : await api.LoginAsync(email);
            var list = await (await reader.GetAsync($"{ListTopics.Route}?q=ocelotdt")).ReadAsync<PagedResult<TopicListItem>>();
            list.Total.ShouldBe(expected, $"{email} in the topics list");
            (await SearchAsync(reader, "nang suat ocelotdt")).Total.ShouldBe(expected, $"{email} in the search");
        }
        var myHao = await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "ocelotdt");
        myHao.Kinds.ShouldBeEmpty();
        myHao.Items.ShouldBeEmpty();

        var withdrawn = await TopicTests.StepAsync(officer, WithdrawTopic.Route, topic.Id, topic.Version, new { reason = "Trùng với đề tài khác" });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
        // As the list keeps a withdrawn topic (and the search a withdrawn initiative), the hit stays, marked by its status.
        var after = await EventuallyAsync(officer, "nang suat ocelotdt", r => r.Items.Any(i => i.Status == nameof(TopicStatus.Withdrawn)), "the withdrawal indexed");
        after.Items.ShouldHaveSingleItem().Id.ShouldBe(topic.Id);
    }

    [ApiFact]
    public async Task Given_a_bad_query_When_searching_Then_400_in_Vietnamese()
    {
        var leader = await api.LoginAsync(Users.Leader);
        leader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var empty = await (await leader.GetAsync(SearchRecords.Route + "?q=")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        empty.GetRawText().ShouldContain("Không được để trống");
        var kind = await (await leader.GetAsync(Url("abc", "thesis"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        kind.GetRawText().ShouldContain("Chỉ dùng policy");
        var punctuation = await (await leader.GetAsync(Url("%%% ---"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        punctuation.GetRawText().ShouldContain("Nhập ít nhất một từ");
        (await api.CreateClient().GetAsync(Url("abc"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
