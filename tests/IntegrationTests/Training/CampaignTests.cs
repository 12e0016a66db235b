using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Reports;
using Khcn.Training.Domain;
using Khcn.Training.Features.Campaigns;

namespace Khcn.IntegrationTests.Training;

/// <summary>Awareness campaigns: scope, validation, reach reports, subtree totals and the annual-report pre-fill.</summary>
public sealed class CampaignTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Board = "tuyengiao@hungyen.demo";
    private const string VanLamGrassroots = "VANLAM-DETMAYLACHONG";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string ThisQuarter => $"{Today.Year}-Q{(Today.Month - 1) / 3 + 1}";

    private static object Fields(Guid unitId, string title, params Guid[] participants) => new
    {
        unitId,
        title,
        goal = "Nâng cao nhận thức về đổi mới sáng tạo",
        startsOn = new DateOnly(Today.Year, 1, 1),
        endsOn = new DateOnly(Today.Year, 12, 31),
        channels = new[] { "Meeting", "SocialMedia" },
        audiences = new[] { "Workers", "WomenWorkers" },
        participatingUnitIds = participants,
    };

    private static async Task<CampaignDetail> CreateAsync(HttpClient board, string title, params string[] participantCodes)
    {
        var hy = await AnnualReportTests.UnitIdAsync(board, "HY");
        var ids = new List<Guid>();
        foreach (var code in participantCodes) ids.Add(await AnnualReportTests.UnitIdAsync(board, code));
        var response = await board.PostJsonAsync(CreateCampaign.Route, Fields(hy, title, [.. ids]));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CampaignDetail>();
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, Guid campaignId, Guid unitId, string period,
        int events, int people, int women, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, SubmitReachReport.For(campaignId, unitId, period))
        {
            Content = JsonContent.Create(new { eventsHeld = events, peopleReached = people, womenReached = women }),
        };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    [ApiFact]
    public async Task Given_a_province_campaign_with_VanLam_taking_part_When_districts_read_it_Then_VanLam_sees_it_and_MyHao_gets_404()
    {
        var board = await api.LoginAsync(Board);
        var campaign = await CreateAsync(board, "Tuyên truyền sáng kiến Văn Lâm", "VANLAM");
        campaign.Participants.ShouldHaveSingleItem().Code.ShouldBe("VANLAM");
        campaign.CanManage.ShouldBeTrue();

        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var read = await (await vanLam.GetAsync(GetCampaign.For(campaign.Id))).ReadAsync<CampaignDetail>();
        read.CanManage.ShouldBeFalse("a district officer reads the province's campaign but does not run it");
        read.ReportableUnitIds.ShouldBe([campaign.Participants[0].UnitId]);
        var vanLamList = await (await vanLam.GetAsync($"{ListCampaigns.Route}?q=tuyen truyen sang kien van lam")).ReadAsync<PagedResult<CampaignListItem>>();
        vanLamList.Items.ShouldContain(c => c.Id == campaign.Id, "found without diacritics");

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.GetAsync(GetCampaign.For(campaign.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(GetCampaignTotals.Route.Replace("{id}", campaign.Id.ToString()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var myHaoList = await (await myHao.GetAsync($"{ListCampaigns.Route}?pageSize=200")).ReadAsync<PagedResult<CampaignListItem>>();
        myHaoList.Items.ShouldNotContain(c => c.Id == campaign.Id);

        var partner = await api.LoginAsync("doitac@hungyen.demo");
        (await (await partner.GetAsync(ListCampaigns.Route)).ReadAsync<PagedResult<CampaignListItem>>()).Items.ShouldBeEmpty("partner agencies work on courses, not campaigns");
        await (await partner.GetAsync(GetCampaign.For(campaign.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "to-roi.pdf");
        var withMaterial = await (await board.PostAsync(UploadCampaignMaterial.Route.Replace("{id}", campaign.Id.ToString()), upload)).ReadAsync<CampaignDetail>();
        var material = withMaterial.Materials.ShouldHaveSingleItem();
        material.ContentType.ShouldBe("application/pdf");
        var materialUrl = $"/api/v1/training/campaigns/{campaign.Id}/materials/{material.Id}";
        (await (await vanLam.GetAsync(materialUrl)).Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        await (await myHao.GetAsync(materialUrl)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_campaign_fields_When_invalid_or_sent_without_the_right_Then_400_403_and_stale_updates_412()
    {
        var board = await api.LoginAsync(Board);
        var hy = await AnnualReportTests.UnitIdAsync(board, "HY");
        var backwards = await board.PostJsonAsync(CreateCampaign.Route, new
        {
            unitId = hy, title = "Ngược", startsOn = new DateOnly(Today.Year, 6, 1), endsOn = new DateOnly(Today.Year, 5, 1),
            channels = Array.Empty<string>(), audiences = Array.Empty<string>(), participatingUnitIds = new[] { Guid.NewGuid() },
        });
        var errors = (await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.TryGetProperty("endsOn", out _).ShouldBeTrue();
        errors.TryGetProperty("channels", out _).ShouldBeTrue();

        var unknownUnit = await board.PostJsonAsync(CreateCampaign.Route, Fields(hy, "Đơn vị lạ", Guid.NewGuid()));
        (await unknownUnit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("participatingUnitIds", out _).ShouldBeTrue();

        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await AnnualReportTests.UnitIdAsync(vanLam, "VANLAM");
        await (await vanLam.PostJsonAsync(CreateCampaign.Route, Fields(vanLamId, "Không có quyền", vanLamId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var campaign = await CreateAsync(board, "Chiến dịch để sửa", "VANLAM");
        var url = GetCampaign.For(campaign.Id);
        var hyFields = Fields(hy, "Chiến dịch đã sửa", campaign.Participants[0].UnitId);
        await (await board.PutAsJsonAsync(url, hyFields)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(hyFields) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{campaign.Version}\"");
        var updated = await (await board.SendAsync(put)).ReadAsync<CampaignDetail>();
        updated.Title.ShouldBe("Chiến dịch đã sửa");
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(hyFields) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{campaign.Version}\"");
        await (await board.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var myHao = await AnnualReportTests.UnitIdAsync(board, "MYHAO");
        var joined = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = JsonContent.Create(Fields(hy, "Chiến dịch đã sửa", campaign.Participants[0].UnitId, myHao)),
        };
        joined.Headers.TryAddWithoutValidation("If-Match", $"\"{updated.Version}\"");
        var withMyHao = await (await board.SendAsync(joined)).ReadAsync<CampaignDetail>();
        withMyHao.Participants.Count.ShouldBe(2);
        withMyHao.Version.ShouldBeGreaterThan(updated.Version, "a change of participants alone moves the ETag too");
    }

    [ApiFact]
    public async Task Given_reach_figures_When_reported_Then_women_stay_within_reached_only_participants_report_and_resubmitting_corrects()
    {
        var board = await api.LoginAsync(Board);
        var campaign = await CreateAsync(board, "Chiến dịch báo cáo kết quả", "VANLAM");
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = campaign.Participants[0].UnitId;
        var myHaoId = await AnnualReportTests.UnitIdAsync(board, "MYHAO");

        var tooManyWomen = await ReportAsync(vanLam, campaign.Id, vanLamId, ThisQuarter, 2, 100, 101);
        (await tooManyWomen.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("womenReached", out _).ShouldBeTrue();
        await (await ReportAsync(vanLam, campaign.Id, vanLamId, ThisQuarter, -1, 100, 10)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ReportAsync(vanLam, campaign.Id, vanLamId, "2026-Q5", 1, 1, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ReportAsync(vanLam, campaign.Id, vanLamId, $"{Today.Year - 1}-Q4", 1, 10, 5))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "period_outside_campaign");
        await (await ReportAsync(board, campaign.Id, myHaoId, ThisQuarter, 1, 10, 5)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_participating");
        await (await ReportAsync(vanLam, campaign.Id, myHaoId, ThisQuarter, 1, 10, 5)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var first = await ReportAsync(vanLam, campaign.Id, vanLamId, ThisQuarter, 3, 300, 120);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await first.ReadAsync<ReachReportView>();
        var again = await ReportAsync(vanLam, campaign.Id, vanLamId, ThisQuarter.ToLowerInvariant(), 4, 350, 150);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var corrected = await again.ReadAsync<ReachReportView>();
        corrected.Id.ShouldBe(created.Id, "one report per unit, campaign and quarter");
        corrected.PeopleReached.ShouldBe(350);
        await (await ReportAsync(vanLam, campaign.Id, vanLamId, ThisQuarter, 5, 360, 150, ifMatch: created.Version))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var detail = await (await board.GetAsync(GetCampaign.For(campaign.Id))).ReadAsync<CampaignDetail>();
        detail.ReachReports.ShouldHaveSingleItem().WomenReached.ShouldBe(150);
        var leave = new HttpRequestMessage(HttpMethod.Put, GetCampaign.For(campaign.Id))
        {
            Content = JsonContent.Create(Fields(detail.UnitId, detail.Title)),
        };
        leave.Headers.TryAddWithoutValidation("If-Match", $"\"{detail.Version}\"");
        await (await board.SendAsync(leave)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "participant_has_reports");
    }

    [ApiFact]
    public async Task Given_reports_across_districts_and_a_grassroots_union_When_totals_are_read_Then_they_roll_up_by_subtree_sub_unit_and_channel()
    {
        var board = await api.LoginAsync(Board);
        var campaign = await CreateAsync(board, "Chiến dịch tổng hợp", "VANLAM", "MYHAO", VanLamGrassroots);
        var ids = campaign.Participants.ToDictionary(p => p.Code, p => p.UnitId);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        (await ReportAsync(vanLam, campaign.Id, ids["VANLAM"], ThisQuarter, 2, 100, 40)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReportAsync(vanLam, campaign.Id, ids[VanLamGrassroots], ThisQuarter, 1, 50, 30)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReportAsync(myHao, campaign.Id, ids["MYHAO"], ThisQuarter, 3, 70, 20)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var totalsUrl = GetCampaignTotals.Route.Replace("{id}", campaign.Id.ToString());
        var province = await (await board.GetAsync(totalsUrl)).ReadAsync<ReachTotals>();
        province.WithinUnitId.ShouldBe(campaign.UnitId);
        (province.EventsHeld, province.PeopleReached, province.WomenReached).ShouldBe((6, 220, 90));
        province.ByUnit.Single(r => r.Key == ids["VANLAM"].ToString()).PeopleReached.ShouldBe(150, "Văn Lâm's row holds its grassroots union too");
        province.ByUnit.Single(r => r.Key == ids["MYHAO"].ToString()).PeopleReached.ShouldBe(70);
        province.ByChannel.Select(c => (c.Key, c.PeopleReached)).ShouldBe([("Meeting", 220), ("SocialMedia", 220)]);
        province.ByPeriod.ShouldHaveSingleItem().Key.ShouldBe(ThisQuarter);

        var district = await (await board.GetAsync($"{totalsUrl}?within={ids["VANLAM"]}")).ReadAsync<ReachTotals>();
        district.PeopleReached.ShouldBe(150);
        district.ByUnit.Select(r => (r.Key, r.PeopleReached)).ShouldBe([(ids["VANLAM"].ToString(), 100), (ids[VanLamGrassroots].ToString(), 50)]);

        var own = await (await vanLam.GetAsync(totalsUrl)).ReadAsync<ReachTotals>();
        own.WithinUnitId.ShouldBe(ids["VANLAM"], "a district reads the totals of its own subtree");
        own.PeopleReached.ShouldBe(150);
        await (await vanLam.GetAsync($"{totalsUrl}?within={ids["MYHAO"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var vanLamDetail = await (await vanLam.GetAsync(GetCampaign.For(campaign.Id))).ReadAsync<CampaignDetail>();
        vanLamDetail.ReachReports.Select(r => r.UnitId).ShouldBe([ids["VANLAM"], ids[VanLamGrassroots]], ignoreOrder: true);

        var year = await (await board.GetAsync($"{GetYearCampaignTotals.Route}?year={Today.Year}&within={ids["MYHAO"]}")).ReadAsync<ReachTotals>();
        year.PeopleReached.ShouldBeGreaterThanOrEqualTo(70);
        year.CampaignCount.ShouldBeGreaterThanOrEqualTo(1);
    }

    [ApiFact]
    public async Task Given_reach_reported_in_VanLams_subtree_When_its_annual_report_is_opened_Then_campaigns_and_people_reached_of_each_unit_itself_are_prefilled()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var period = await AnnualReportTests.CurrentPeriodAsync(vanLam);
        var vanLamId = await AnnualReportTests.UnitIdAsync(vanLam, "VANLAM");
        var reportUrl = GetUnitReport.For(period.Id, vanLamId);
        var before = await (await vanLam.GetAsync(reportUrl)).ReadAsync<ReportView>();
        before.Id.ShouldBeNull("Văn Lâm's report is not started in the demo");
        decimal Figure(ReportView r, string code) => r.Values.Single(v => v.Code == code).Number ?? 0m;

        var board = await api.LoginAsync(Board);
        var campaign = await CreateAsync(board, "Chiến dịch cho báo cáo năm", "VANLAM", VanLamGrassroots);
        var ids = campaign.Participants.ToDictionary(p => p.Code, p => p.UnitId);
        (await ReportAsync(vanLam, campaign.Id, ids["VANLAM"], ThisQuarter, 2, 120, 60)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReportAsync(vanLam, campaign.Id, ids[VanLamGrassroots], ThisQuarter, 1, 80, 50)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var after = await (await vanLam.GetAsync(reportUrl)).ReadAsync<ReportView>();
        var campaigns = after.Values.Single(v => v.Code == "campaigns");
        campaigns.Source.ShouldBe("training.campaigns-held");
        Figure(after, "campaigns").ShouldBe(Figure(before, "campaigns") + 1, "one more campaign held by the district itself");
        Figure(after, "people_reached").ShouldBe(Figure(before, "people_reached") + 120,
            "the district's own reach only: its grassroots union's 80 are in that union's report, and the synthesis adds the two");
        var grassroots = await (await vanLam.GetAsync(GetUnitReport.For(period.Id, ids[VanLamGrassroots]))).ReadAsync<ReportView>();
        grassroots.Values.Single(v => v.Code == "people_reached").Suggested!.Value.ShouldBeGreaterThanOrEqualTo(80m);

        var catalogue = await (await vanLam.GetAsync(GetReportingCatalogue.Route)).ReadAsync<ReportingCatalogue>();
        catalogue.Sources.Select(s => s.Key).ShouldContain("training.women-reached");
    }
}
