using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Labour;
using Khcn.Organization.Features.Units;
using MiniExcelLibs;

namespace Khcn.IntegrationTests.Organization;

public sealed class LabourTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static int _serial = 1000;

    /// <summary>A fresh, valid tax code (official check digit) for each call.</summary>
    private static string NewTaxCode()
    {
        while (true)
        {
            var nine = $"07{Interlocked.Increment(ref _serial) * 37 % 10_000_000:0000000}";
            if (LabourRules.TaxCodeCheckDigit(nine) is { } check) return nine + check;
        }
    }

    private static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static object Enterprise(Guid unitId, string taxCode, string name = "Công ty TNHH Thử nghiệm", Guid? grassrootsUnitId = null) => new
    {
        unitId, name, taxCode, ownership = "Private", sector = "Electronics", district = "Văn Lâm", industrialZone = "KCN Phố Nối A",
        address = "Lô Z1", grassrootsUnitId,
    };

    private static object Figures(int workforce = 100, int women = 40, int unionMembers = 80, decimal income = 8_000_000, bool cbaSigned = true,
        string? cbaSignedOn = "2024-01-15", string? cbaExpiresOn = "2027-01-14") => new
    {
        workforce, women, unionMembers, averageMonthlyIncome = income, cbaSigned, cbaSignedOn, cbaExpiresOn, disputes = 0, stoppages = 0, dialogues = 2,
    };

    private static Task<HttpResponseMessage> PutFiguresAsync(HttpClient client, Guid id, int year, object body) =>
        client.PutAsync(PutYearFigures.For(id, year), JsonContent(body));

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, Support.Http.Json), Encoding.UTF8, "application/json");

    private static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string taxCode, string name, int? year, int workforce, int women, string ownership = "Tư nhân",
        string? cbaSigned = null, DateTime? signedOn = null, DateTime? expiresOn = null, string? grassroots = null) => new()
    {
        ["Mã số thuế"] = taxCode, ["Tên doanh nghiệp"] = name, ["Loại hình sở hữu"] = ownership, ["Ngành"] = "Điện tử",
        ["Huyện/thị xã/thành phố"] = "Văn Lâm", ["Khu công nghiệp"] = "KCN Phố Nối A", ["Địa chỉ"] = "Lô thử", ["Mã CĐCS"] = grassroots,
        ["Năm"] = year, ["Tổng số lao động"] = workforce, ["Lao động nữ"] = women, ["Đoàn viên công đoàn"] = 10,
        ["Thu nhập bình quân (đồng/tháng)"] = 9_000_000, ["Có TƯLĐTT"] = cbaSigned, ["Ngày ký TƯLĐTT"] = signedOn, ["Ngày hết hạn TƯLĐTT"] = expiresOn,
        ["Số vụ tranh chấp lao động"] = 0, ["Số cuộc ngừng việc tập thể"] = 0, ["Số cuộc đối thoại"] = 1,
    };

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid unitId, byte[] bytes, bool dryRun = false, string fileName = "du-lieu.xlsx")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(unitId.ToString()), "unitId");
        return await client.PostAsync($"{UploadLabourImport.Route}{(dryRun ? "?dryRun=true" : "")}", form);
    }

    private static async Task<PagedResult<EnterpriseListItem>> ListAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync($"{ListEnterprises.Route}?pageSize=200{query}")).ReadAsync<PagedResult<EnterpriseListItem>>();

    [ApiFact]
    public async Task Given_district_officers_When_listing_enterprises_Then_each_sees_only_the_enterprises_their_union_keeps()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var board = await api.LoginAsync(Users.PolicyLaw);

        var vanLamSees = await ListAsync(vanLam, "&year=2024");
        var myHaoSees = await ListAsync(myHao);
        var provinceSees = await ListAsync(board);

        vanLamSees.Items.ShouldNotBeEmpty();
        vanLamSees.Items.ShouldAllBe(e => e.District == "Văn Lâm");
        vanLamSees.Items.Select(e => e.Name).ShouldContain("Công ty TNHH Dệt may Lạc Hồng");
        vanLamSees.Items.Single(e => e.Name == "Công ty TNHH Dệt may Lạc Hồng").Figures!.Year.ShouldBe(2024);
        myHaoSees.Items.Select(e => e.Name).ShouldNotContain("Công ty TNHH Dệt may Lạc Hồng");
        provinceSees.Total.ShouldBeGreaterThanOrEqualTo(30);
        var lacHong = vanLamSees.Items.First(e => e.Name == "Công ty TNHH Dệt may Lạc Hồng");
        await (await myHao.GetAsync(GetEnterprise.For(lacHong.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var detail = await (await vanLam.GetAsync(GetEnterprise.For(lacHong.Id))).ReadAsync<EnterpriseDetail>();
        detail.Figures.Select(f => f.Year).ShouldBe([2025, 2024, 2023]);
        // Each row names the union that keeps it, as its detail does (the name comes from the hierarchy in memory, #17).
        lacHong.UnitName.ShouldBe(detail.UnitName);
        lacHong.UnitName.ShouldBe("Liên đoàn Lao động huyện Văn Lâm");
        vanLamSees.Items.ShouldAllBe(e => e.UnitName != "");
        provinceSees.Items.ShouldAllBe(e => e.UnitName != "");
    }

    [ApiFact]
    public async Task Given_the_filters_When_listing_Then_ownership_sector_zone_and_search_without_diacritics_narrow_the_list()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);

        var fdiElectronics = await ListAsync(board, "&ownership=Fdi&sector=Electronics");
        var inZone = await ListAsync(board, "&zone=KCN%20Th%C4%83ng%20Long%20II");
        var found = await ListAsync(board, "&q=det%20may%20lac%20hong");

        fdiElectronics.Items.ShouldNotBeEmpty();
        fdiElectronics.Items.ShouldAllBe(e => e.Ownership == Ownership.Fdi && e.Sector == Sector.Electronics);
        inZone.Items.ShouldNotBeEmpty();
        inZone.Items.ShouldAllBe(e => e.IndustrialZone == "KCN Thăng Long II");
        found.Items.ShouldHaveSingleItem().Name.ShouldBe("Công ty TNHH Dệt may Lạc Hồng");
    }

    [ApiFact]
    public async Task Given_an_enterprise_form_When_the_tax_code_is_wrong_taken_or_the_grassroots_union_is_elsewhere_Then_it_is_refused()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var board = await api.LoginAsync(Users.PolicyLaw);
        var myHaoGrassroots = await UnitIdAsync(board, "MYHAO-COKHIMINHDUC");
        var vanLamGrassroots = await UnitIdAsync(vanLam, "VANLAM-DETMAYLACHONG");
        var code = NewTaxCode();
        var wrongCheckDigit = code[..9] + (char)('0' + (code[9] - '0' + 1) % 10);

        var badDigit = await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, wrongCheckDigit));
        var badFormat = await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, "12345"));
        var elsewhere = await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, code, grassrootsUnitId: myHaoGrassroots));
        var created = await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, code, "Công ty TNHH Đầu tiên", vanLamGrassroots));
        var branch = await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, code + "-001", "Chi nhánh Đầu tiên"));
        var duplicate = await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, code, "Công ty TNHH Thứ hai"));

        (await badDigit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("taxCode", out _).ShouldBeTrue();
        (await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("taxCode", out _).ShouldBeTrue();
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "grassroots_outside_unit");
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.ReadAsync<EnterpriseDetail>()).GrassrootsUnitName.ShouldBe("CĐCS Công ty TNHH Dệt may Lạc Hồng");
        branch.StatusCode.ShouldBe(HttpStatusCode.Created, await branch.Content.ReadAsStringAsync());
        var conflict = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "tax_code_taken");
        conflict.GetProperty("detail").GetString()!.ShouldContain("Công ty TNHH Đầu tiên");
    }

    [ApiFact]
    public async Task Given_an_officer_of_another_district_or_a_reader_When_changing_an_enterprise_Then_404_or_403()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var leader = await api.LoginAsync(Users.Leader);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var enterprise = (await ListAsync(vanLam)).Items.First();

        await (await myHao.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, NewTaxCode()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await PutFiguresAsync(myHao, enterprise.Id, 2024, Figures())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await PutFiguresAsync(leader, enterprise.Id, 2024, Figures())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_yearly_figures_When_they_break_a_rule_Then_400_names_the_field_and_valid_ones_are_written_then_deleted()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var created = await (await vanLam.PostJsonAsync(CreateEnterprise.Route, Enterprise(vanLamId, NewTaxCode(), "Công ty TNHH Số liệu"))).ReadAsync<EnterpriseDetail>();
        var tooLate = DateTime.UtcNow.Year + 2;

        async Task ShouldRefuse(int year, object body, string field)
        {
            var problem = await (await PutFiguresAsync(vanLam, created.Id, year, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        }

        await ShouldRefuse(2024, Figures(workforce: 100, women: 101), "women");
        await ShouldRefuse(2024, Figures(workforce: 100, unionMembers: 120), "unionMembers");
        await ShouldRefuse(2024, Figures(workforce: -1, women: 0, unionMembers: 0), "workforce");
        await ShouldRefuse(2024, Figures(income: -5), "averageMonthlyIncome");
        await ShouldRefuse(2024, Figures(cbaSignedOn: "2024-05-01", cbaExpiresOn: "2024-04-30"), "cbaExpiresOn");
        await ShouldRefuse(2024, Figures(cbaSigned: false), "cbaSignedOn");
        await ShouldRefuse(1999, Figures(), "year");
        await ShouldRefuse(tooLate, Figures(), "year");

        var written = await PutFiguresAsync(vanLam, created.Id, 2024, Figures(workforce: 250, women: 120, unionMembers: 200, income: 9_250_000));
        var rewritten = await PutFiguresAsync(vanLam, created.Id, 2024, Figures(workforce: 260, women: 120, unionMembers: 200, income: 9_250_000));
        var detail = await rewritten.ReadAsync<EnterpriseDetail>();
        written.StatusCode.ShouldBe(HttpStatusCode.OK);
        var figures = detail.Figures.ShouldHaveSingleItem();
        figures.Workforce.ShouldBe(260);
        figures.AverageMonthlyIncome.ShouldBe(9_250_000m);
        (await ListAsync(vanLam, "&year=2024&q=so%20lieu")).Items.ShouldHaveSingleItem().Figures!.Workforce.ShouldBe(260);

        (await vanLam.DeleteAsync(PutYearFigures.For(created.Id, 2024))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await vanLam.GetAsync(GetEnterprise.For(created.Id))).ReadAsync<EnterpriseDetail>()).Figures.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_sheet_with_invalid_rows_When_imported_Then_422_lists_each_bad_row_and_nothing_is_written()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var good = NewTaxCode();
        var bytes = Sheet(
            Row(good, "Công ty TNHH Hàng hợp lệ", 2024, 100, 40),
            Row("0100000000", "Công ty sai mã số thuế", 2024, 100, 40),
            Row(NewTaxCode(), "Công ty nữ vượt tổng", 2024, 100, 140, ownership: "Không rõ"),
            Row(NewTaxCode(), "Công ty ngày ký sai", 2024, 100, 40, cbaSigned: "Có", signedOn: new DateTime(2024, 6, 1), expiresOn: new DateTime(2024, 1, 1)));

        var response = await ImportAsync(vanLam, vanLamId, bytes);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_rejected");
        var errors = problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Code: e.GetProperty("code").GetString())).ToList();
        errors.ShouldContain((3, "Mã số thuế", "tax_code_invalid"));
        errors.ShouldContain((4, "Lao động nữ", "women_above_workforce"));
        errors.ShouldContain((4, "Loại hình sở hữu", "invalid_choice"));
        errors.ShouldContain((5, "Ngày hết hạn TƯLĐTT", "cba_expiry_before_signing"));
        errors.ShouldNotContain(e => e.Row == 2, "the valid row has no error");
        (await ListAsync(vanLam, $"&q={good}")).Items.ShouldBeEmpty("the file is rejected whole: not even the valid row is written");
    }

    [ApiFact]
    public async Task Given_a_valid_sheet_When_dry_run_then_imported_Then_the_dry_run_writes_nothing_and_the_import_upserts_by_tax_code_and_year()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var lacHong = (await ListAsync(vanLam, "&q=det%20may%20lac%20hong")).Items.Single();
        var fresh = NewTaxCode();
        var bytes = Sheet(
            Row(fresh, "Công ty TNHH Mới nhập", 2024, 300, 100, cbaSigned: "Có", signedOn: new DateTime(2024, 3, 1), expiresOn: new DateTime(2027, 2, 28),
                grassroots: "VANLAM-DIENTUNHUQUYNH"),
            Row(fresh, "Công ty TNHH Mới nhập", 2025, 320, 110),
            Row(lacHong.TaxCode, "Công ty TNHH Dệt may Lạc Hồng", 2025, 1999, 900, grassroots: "VANLAM-DETMAYLACHONG"));

        var dry = await (await ImportAsync(vanLam, vanLamId, bytes, dryRun: true)).ReadAsync<LabourImportSummary>();
        var afterDry = await ListAsync(vanLam, $"&q={fresh}");
        var done = await (await ImportAsync(vanLam, vanLamId, bytes)).ReadAsync<LabourImportSummary>();

        dry.ShouldBe(new LabourImportSummary(true, 3, 1, 1, 3));
        afterDry.Items.ShouldBeEmpty();
        done.ShouldBe(new LabourImportSummary(false, 3, 1, 1, 3));
        var created = (await ListAsync(vanLam, $"&q={fresh}")).Items.ShouldHaveSingleItem();
        var detail = await (await vanLam.GetAsync(GetEnterprise.For(created.Id))).ReadAsync<EnterpriseDetail>();
        detail.UnitId.ShouldBe(vanLamId);
        detail.GrassrootsUnitName.ShouldBe("CĐCS Công ty CP Điện tử Như Quỳnh");
        detail.Figures.Select(f => (f.Year, f.Workforce)).ShouldBe([(2025, 320), (2024, 300)]);
        detail.Figures.Single(f => f.Year == 2024).CbaExpiresOn.ShouldBe(new DateOnly(2027, 2, 28));
        (await ListAsync(vanLam, "&year=2025&q=det%20may%20lac%20hong")).Items.Single().Figures!.Workforce.ShouldBe(1999);
    }

    [ApiFact]
    public async Task Given_a_tax_code_kept_by_another_district_When_imported_Then_the_row_is_refused_without_naming_that_enterprise()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var board = await api.LoginAsync(Users.PolicyLaw);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var myHaoEnterprise = (await ListAsync(board, "&q=nhua%20pho%20noi")).Items.Single(e => e.Name == "Công ty TNHH Nhựa Phố Nối");

        var response = await ImportAsync(vanLam, vanLamId, Sheet(Row(myHaoEnterprise.TaxCode, "Tên khác", 2024, 10, 1)));

        var body = (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "import_rejected")).ToString();
        body.ShouldContain("out_of_scope");
        body.ShouldNotContain("Nhựa Phố Nối");
    }

    [ApiFact]
    public async Task Given_a_file_that_is_not_a_spreadsheet_or_lacks_the_columns_When_imported_Then_400_on_the_file()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        using var other = new MemoryStream();
        other.SaveAs(new[] { new Dictionary<string, object?> { ["Cột lạ"] = 1 } });

        var pdf = await ImportAsync(vanLam, vanLamId, Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), fileName: "du-lieu.xlsx");
        var wrongColumns = await ImportAsync(vanLam, vanLamId, other.ToArray());

        (await pdf.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        (await wrongColumns.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("Mã số thuế");
    }

    [ApiFact]
    public async Task Given_the_database_When_exported_Then_the_xlsx_opens_with_vietnamese_headers_and_reimports_unchanged()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var inScope2024 = await ListAsync(vanLam, $"&year=2024&within={vanLamId}");

        var export = await vanLam.GetAsync($"{ExportLabour.Route}?year=2024&within={vanLamId}");
        var template = await vanLam.GetAsync(GetLabourImportTemplate.Route);

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            rows.Count.ShouldBe(inScope2024.Total);
            var lacHong = rows.Single(r => (string)r["Tên doanh nghiệp"] == "Công ty TNHH Dệt may Lạc Hồng");
            Convert.ToInt32(lacHong["Năm"]).ShouldBe(2024);
            lacHong["Loại hình sở hữu"].ShouldBe("Tư nhân");
            lacHong["Mã CĐCS"].ShouldBe("VANLAM-DETMAYLACHONG");
        }
        using (var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object>>().ToList();
            rows.ShouldHaveSingleItem("the header row only").Values.ShouldBe(["Mã số thuế", "Tên doanh nghiệp", "Loại hình sở hữu", "Ngành",
                "Huyện/thị xã/thành phố", "Khu công nghiệp", "Địa chỉ", "Mã CĐCS", "Năm", "Tổng số lao động", "Lao động nữ", "Đoàn viên công đoàn",
                "Thu nhập bình quân (đồng/tháng)", "Có TƯLĐTT", "Ngày ký TƯLĐTT", "Ngày hết hạn TƯLĐTT", "Số vụ tranh chấp lao động",
                "Số cuộc ngừng việc tập thể", "Số cuộc đối thoại"]);
        }
        var reimport = await (await ImportAsync(vanLam, vanLamId, bytes, dryRun: true)).ReadAsync<LabourImportSummary>();
        reimport.EnterprisesCreated.ShouldBe(0);
        reimport.EnterprisesUpdated.ShouldBe(inScope2024.Total);
    }

    [ApiFact]
    public async Task Given_a_years_figures_When_aggregated_Then_sums_and_the_workforce_weighted_income_match_the_enterprises()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var myHaoId = await UnitIdAsync(board, "MYHAO");
        var enterprises = (await ListAsync(board, $"&year=2024&within={myHaoId}")).Items.Where(e => e.Figures is not null).ToList();

        var bySector = await (await board.GetAsync($"{GetLabourAggregates.Route}?year=2024&within={myHaoId}&by=sector")).ReadAsync<LabourAggregates>();
        var byZone = await (await board.GetAsync($"{GetLabourAggregates.Route}?year=2024&by=zone")).ReadAsync<LabourAggregates>();
        var badGrouping = await board.GetAsync($"{GetLabourAggregates.Route}?year=2024&by=colour");

        bySector.Totals.Enterprises.ShouldBe(enterprises.Count);
        bySector.Totals.Workforce.ShouldBe(enterprises.Sum(e => (long)e.Figures!.Workforce));
        var weighted = enterprises.Sum(e => e.Figures!.AverageMonthlyIncome * e.Figures.Workforce) / enterprises.Sum(e => e.Figures!.Workforce);
        bySector.Totals.AverageIncome.ShouldBe(Math.Round(weighted, 0, MidpointRounding.AwayFromZero));
        var manufacturing = enterprises.Where(e => e.Sector == Sector.Manufacturing).ToList();
        var row = bySector.Rows.Single(r => r.Key == "Manufacturing");
        row.Enterprises.ShouldBe(manufacturing.Count);
        row.CbaSigned.ShouldBe(manufacturing.Count(e => e.Figures!.CbaSigned));
        byZone.Rows.Select(r => r.Key).ShouldContain("KCN Phố Nối A");
        byZone.Rows.Select(r => r.Key).ShouldContain((string?)null, "enterprises outside any zone form their own group");
        await badGrouping.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
