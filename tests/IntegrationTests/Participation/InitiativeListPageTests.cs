using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// A district officer's initiatives list, page by page (issue #12: the page is found on its ids first, then only its
/// rows are read): the pages put together are every initiative of the subtree once, newest first with ties broken by
/// id, each with its unit's name and its authors in order; by title the same; past the last page nothing.
/// </summary>
public sealed class InitiativeListPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private Task<T> DbAsync<T>(Func<ParticipationDbContext, Task<T>> read) =>
        api.InScopeAsync(sp => read(sp.GetRequiredService<ParticipationDbContext>()));

    private Task<List<Guid>> VanLamAsync() => api.InScopeAsync(async sp =>
    {
        var mediator = sp.GetRequiredService<IMediator>();
        var unit = (await mediator.Send(new FindUnitByCode("VANLAM")))!;
        return (await mediator.Send(new GetSubtreeUnitIds(unit.Id))).Select(u => u.UnitId).ToList();
    });

    private static async Task<(List<InitiativeListItem> Items, int Total)> AllPagesAsync(HttpClient client, string sort, int pageSize)
    {
        var items = new List<InitiativeListItem>();
        for (var page = 1; ; page++)
        {
            var result = await (await client.GetAsync($"{ListInitiatives.Route}?page={page}&pageSize={pageSize}{sort}")).ReadAsync<PagedResult<InitiativeListItem>>();
            result.Page.ShouldBe(page);
            result.PageSize.ShouldBe(pageSize);
            items.AddRange(result.Items);
            if (result.Items.Count < pageSize) return (items, result.Total);
        }
    }

    [ApiFact]
    public async Task Given_initiatives_created_at_the_same_instant_When_the_district_officer_pages_through_them_Then_each_appears_once_newest_first_with_unit_and_authors()
    {
        var vanLam = await VanLamAsync();
        // Half of the district's initiatives share one creation instant: only the tie-break by id keeps pages apart.
        var instant = new DateTime(2025, 1, 15, 3, 0, 0, DateTimeKind.Utc);
        await DbAsync(async db =>
        {
            var ids = await db.Initiatives.IgnoreQueryFilters().Where(i => vanLam.Contains(i.UnitId)).OrderBy(i => i.Title).Select(i => i.Id).ToListAsync();
            var tied = ids.Where((_, n) => n % 2 == 0).ToList();
            return await db.Initiatives.IgnoreQueryFilters().Where(i => tied.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAtUtc, instant));
        });
        var expected = await DbAsync(async db => await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Where(i => vanLam.Contains(i.UnitId))
            .OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.CreatedAtUtc, Authors = i.Authors.OrderBy(a => a.Order).Select(a => a.FullName).ToList() }).ToListAsync());
        var byTitle = await DbAsync(async db => await db.Initiatives.IgnoreQueryFilters().Where(i => vanLam.Contains(i.UnitId))
            .OrderBy(i => i.Title).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync());
        expected.Count.ShouldBeGreaterThan(10);
        expected.Count(i => i.CreatedAtUtc == instant).ShouldBeGreaterThan(5);
        var officer = await api.LoginAsync(Users.VanLamOfficer);

        var (newest, total) = await AllPagesAsync(officer, "", 4);

        total.ShouldBe(expected.Count);
        newest.Select(i => i.Id).ShouldBe(expected.Select(i => i.Id));
        newest.Select(i => i.Authors).ShouldBe(expected.Select(i => string.Join(", ", i.Authors)));
        newest.ShouldAllBe(i => i.UnitName != "" && vanLam.Contains(i.UnitId));
        (await AllPagesAsync(officer, "&sort=title", 5)).Items.Select(i => i.Id).ShouldBe(byTitle);
        (await AllPagesAsync(officer, "&sort=-createdAt", 3)).Items.Select(i => i.Id).ShouldBe(expected.Select(i => i.Id));
        (await AllPagesAsync(officer, "&sort=createdAt", 6)).Items.Select(i => i.Id).ShouldBe(expected.Select(i => i.Id).Reverse());

        var past = await (await officer.GetAsync($"{ListInitiatives.Route}?page=99&pageSize=20")).ReadAsync<PagedResult<InitiativeListItem>>();
        past.Items.ShouldBeEmpty();
        past.Total.ShouldBe(expected.Count);
    }

    [ApiFact]
    public async Task Given_a_page_already_read_When_an_initiative_is_filed_in_the_district_Then_the_next_read_counts_it_and_shows_it_first()
    {
        var vanLam = await VanLamAsync();
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var path = $"{ListInitiatives.Route}?page=1&pageSize=5";
        var before = await (await officer.GetAsync(path)).ReadAsync<PagedResult<InitiativeListItem>>();
        (await (await officer.GetAsync(path)).ReadAsync<PagedResult<InitiativeListItem>>()).Total.ShouldBe(before.Total);

        // The page's count and ids are kept per data stamp (issue #12): a saved initiative renews the stamp.
        var filed = await DbAsync(async db =>
        {
            var i = Initiative.Draft(vanLam[0], new InitiativeDetails("Sáng kiến mới nhất của huyện", "Kỹ thuật", InitiativeKind.Technical,
                "Vấn đề", "Hiện trạng", "Giải pháp", "Phân xưởng", new DateOnly(2026, 1, 1), false, 1_000_000m, null, null, true,
                [new AuthorShare("Nguyễn Văn Mới", null, null, 100m)]), new Actor(null, "Nguyễn Văn Mới"), null);
            db.Initiatives.Add(i);
            await db.SaveChangesAsync();
            return i.Id;
        });

        var after = await (await officer.GetAsync(path)).ReadAsync<PagedResult<InitiativeListItem>>();
        after.Total.ShouldBe(before.Total + 1);
        after.Items[0].Id.ShouldBe(filed);
        after.Items[0].Authors.ShouldBe("Nguyễn Văn Mới");
    }

    private static object Fields(Guid unitId, string title) => new
    {
        unitId, title, field = "Dệt may", kind = "Technical", problem = "Máy dệt dừng do đứt sợi", currentState = "Nối sợi bằng tay",
        solution = "Cảm biến báo đứt sợi", appliedAt = "Phân xưởng dệt", appliedSince = new DateOnly(2024, 6, 1), trialApplication = false,
        yearlyBenefit = 50_000_000m, socialBenefit = (string?)null, firstApplicationParticipants = (string?)null, noveltyDeclared = true,
        authors = new[] { new { fullName = "Đặng Thị Đoàn viên", email = "doanvien@hungyen.demo", sharePercent = 100m } },
    };

    private static async Task<InitiativeDetail> StepAsync(HttpClient client, HttpMethod method, string route, InitiativeDetail i, object body)
    {
        var request = new HttpRequestMessage(method, route.Replace("{id}", i.Id.ToString())) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{i.Version}\"");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<InitiativeDetail>();
    }

    [ApiFact]
    public async Task Given_a_page_already_read_When_an_initiative_on_it_is_renamed_submitted_or_its_unit_renamed_Then_the_next_read_shows_it_at_once()
    {
        const string LacHong = "VANLAM-DETMAYLACHONG";
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var admin = await api.LoginAsync(Users.Admin);
        var unit = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var created = await member.PostJsonAsync(CreateInitiative.Route, Fields(unit, "Bộ đếm sợi tự động"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.ReadAsync<InitiativeDetail>();
        var path = $"{ListInitiatives.Route}?page=1&pageSize=5";
        async Task<InitiativeListItem> FirstAsync() => (await (await officer.GetAsync(path)).ReadAsync<PagedResult<InitiativeListItem>>()).Items[0];
        var first = await FirstAsync();
        first.Id.ShouldBe(draft.Id);
        (await FirstAsync()).ShouldBe(first); // read twice: the second answer is the kept page (issue #12)

        // The whole page is kept per data stamp: the saved title and status renew it, so the very next read shows them.
        var renamed = await StepAsync(member, HttpMethod.Put, UpdateInitiative.Route, draft, Fields(unit, "Bộ đếm sợi tự động kiểu mới"));
        (await FirstAsync()).Title.ShouldBe("Bộ đếm sợi tự động kiểu mới");
        await StepAsync(member, HttpMethod.Post, SubmitInitiative.Route, renamed, new { });
        (await FirstAsync()).Status.ShouldBe(InitiativeStatus.Submitted);

        // The units' names on it follow the hierarchy's stamp: a renamed unit shows at the next read too.
        var rename = await admin.PostJsonAsync($"/api/v1/organization/units/{unit}/rename", new { name = "Công ty Dệt may Lạc Hồng (tên mới)", effectiveOn = "2025-01-01" });
        rename.IsSuccessStatusCode.ShouldBeTrue(await rename.Content.ReadAsStringAsync());
        (await FirstAsync()).UnitName.ShouldBe("Công ty Dệt may Lạc Hồng (tên mới)");
    }
}
