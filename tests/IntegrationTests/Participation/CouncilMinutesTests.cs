using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The minutes workbook of a closed initiative council (issue #12: "a decision document … and a minutes .xlsx"), read
/// as the secretary would check it: who sat and in which seat, who was present and who declared a conflict, each
/// member's finding on every recognition condition (Decree 13/2012/NĐ-CP art. 3) and their vote, and the tally against
/// the two thirds of ALL members (Circular 18/2013/TT-BKHCN art. 8). The topic council's minutes: TopicCouncilTests.
/// </summary>
public sealed class CouncilMinutesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Member = "doanvien@hungyen.demo";
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private const string Password = "Demo@2025!x";
    private const string Title = "Biên bản: cữ gá định vị đường may túi áo";

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, long? version = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    /// <summary>Every condition met and "agree", or the first condition not met with a note and "disagree".</summary>
    private static object Vote(bool agree) => new
    {
        agree,
        comment = agree ? "Đề nghị công nhận" : "Chưa đủ điều kiện",
        findings = Enum.GetNames<RecognitionCondition>().Select(c => new
        {
            criterion = c, met = agree || c != nameof(RecognitionCondition.NewWithinUnit),
            note = agree || c != nameof(RecognitionCondition.NewWithinUnit) ? null : "Đã áp dụng ở đơn vị khác",
        }).ToArray(),
    };

    [ApiFact]
    public async Task Given_a_closed_initiative_council_with_a_dissent_and_a_declared_conflict_When_its_minutes_are_downloaded_Then_they_name_every_member_their_findings_and_votes_and_the_tally()
    {
        // A member's application, submitted.
        var member = await api.LoginAsync(Member);
        var unit = await AnnualReportTests.UnitIdAsync(member, LacHong);
        var draft = await (await member.PostJsonAsync(CreateInitiative.Route, new
        {
            unitId = unit, title = Title, field = "Dệt may", kind = "Technical", problem = "Đường may túi lệch", currentState = "Căn chỉnh bằng mắt",
            solution = "Cữ gá định vị", appliedAt = "Chuyền may 3", appliedSince = new DateOnly(2024, 6, 1), trialApplication = false,
            yearlyBenefit = 90_000_000m, noveltyDeclared = true,
            authors = new[] { new { fullName = "Đặng Thị Đoàn viên", email = (string?)Member, sharePercent = 100m } },
        })).ReadAsync<InitiativeDetail>();
        var submitted = await Send(member, HttpMethod.Post, SubmitInitiative.Route.Replace("{id}", draft.Id.ToString()), new { }, draft.Version);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var item = await submitted.ReadAsync<InitiativeDetail>();

        // Six seats of Lạc Hồng officials who can sign in.
        var admin = await api.LoginAsync(Users.Admin);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        CouncilRole[] roles = [CouncilRole.Chair, CouncilRole.ViceChair, CouncilRole.Secretary, CouncilRole.UnionRepresentative, CouncilRole.Expert, CouncilRole.Expert];
        var seats = new List<(Guid Official, string Name, HttpClient Client)>();
        foreach (var (role, n) in roles.Select((r, n) => (r, n)))
        {
            var (name, email) = ($"Thành viên biên bản {n}", $"hd.bienban.{n}@hungyen.demo");
            var official = await TopicTests.OfficialAsync(officer, unit, name, email);
            var user = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route,
                new { email, fullName = name, password = Password, grants = new[] { new { role = "council-member", unitId = unit } } });
            user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());
            seats.Add((official, name, await api.LoginAsync(email, Password)));
        }
        var formed = await officer.PostJsonAsync(FormCouncil.Route, new
        {
            name = "HĐ sáng kiến biên bản", itemKind = "Initiative", itemIds = new[] { item.Id },
            members = seats.Select((s, n) => new { officialId = s.Official, role = roles[n].ToString() }).ToArray(),
        });
        formed.StatusCode.ShouldBe(HttpStatusCode.Created, await formed.Content.ReadAsStringAsync());
        var council = await formed.ReadAsync<CouncilDetail>();

        // Four agree, the fifth disagrees (a condition not met), the sixth declares a conflict instead of scoring.
        var scoreUrl = ScoreCouncilItem.Route.Replace("{id}", council.Id.ToString()).Replace("{itemId}", item.Id.ToString());
        for (var n = 0; n < 5; n++)
        {
            var scored = await Send(seats[n].Client, HttpMethod.Put, scoreUrl, Vote(agree: n < 4));
            scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        }
        var conflict = await seats[5].Client.PostJsonAsync(DeclareCouncilConflict.Route.Replace("{id}", council.Id.ToString()).Replace("{itemId}", item.Id.ToString()),
            new { reason = "Là người thân của tác giả" });
        conflict.StatusCode.ShouldBe(HttpStatusCode.OK, await conflict.Content.ReadAsStringAsync());
        var decisionDay = DateOnly.FromDateTime(item.SubmittedAt!.Value.AddHours(7)).AddDays(2);
        var closed = await seats[2].Client.PostJsonAsync(CloseCouncil.Route.Replace("{id}", council.Id.ToString()), new { decisionNumber = "BB-07/QĐ-CĐCS", decisionDate = decisionDay });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());

        var xlsx = await officer.GetAsync(DownloadCouncilMinutes.Route.Replace("{id}", council.Id.ToString()));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK, await xlsx.Content.ReadAsStringAsync());
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();

        // The tally: 6 members, 5 votes (quorum 4), 4 agree of the 4 needed (⌈2×6/3⌉): recognised.
        var outcome = new MemoryStream(bytes).ReportRows("Kết quả").ShouldHaveSingleItem();
        ((string)outcome["Hồ sơ"], Convert.ToInt32(outcome["Số thành viên"]), Convert.ToInt32(outcome["Số phiếu"]), Convert.ToInt32(outcome["Số phiếu tối thiểu (túc số)"]),
            Convert.ToInt32(outcome["Đồng ý"]), Convert.ToInt32(outcome["Số đồng ý cần đạt"]), (string)outcome["Kết quả"])
            .ShouldBe((Title, 6, 5, 4, 4, 4, "Công nhận"));

        // Each member's finding on every condition and their vote; the dissenter's unmet condition with its note.
        var sheet = new MemoryStream(bytes).ReportRows("Phiếu chấm");
        List<(string, string, string)> Of(int n) => sheet.Where(r => (string)r["Thành viên"] == seats[n].Name)
            .Select(r => ((string?)r["Tiêu chí"] ?? "", (string?)r["Đánh giá"] ?? "", (string?)r["Ghi chú"] ?? "")).ToList();
        Of(4).ShouldBe([
            ("Có tính mới trong phạm vi cơ sở", "Không đạt", "Đã áp dụng ở đơn vị khác"), ("Đã được áp dụng hoặc áp dụng thử tại cơ sở", "Đạt", ""),
            ("Có khả năng mang lại lợi ích thiết thực", "Đạt", ""), ("Không thuộc đối tượng bị loại trừ", "Đạt", ""), ("Biểu quyết", "Không đồng ý", "Chưa đủ điều kiện")]);
        for (var n = 0; n < 4; n++)
            Of(n).Select(x => x.Item2).ShouldBe(["Đạt", "Đạt", "Đạt", "Đạt", "Đồng ý"], $"{seats[n].Name} met every condition and agreed");
        Of(5).ShouldBe([("—", "", "Không chấm (xung đột lợi ích)")]);

        // Who sat, in the council's seat order (the union representative after the experts), present, and the conflict declared.
        var members = new MemoryStream(bytes).ReportRows("Thành viên");
        members.Select(r => ((string)r["Họ và tên"], (string)r["Nhiệm vụ trong Hội đồng"], (string)r["Dự họp"])).ShouldBe([
            ("Thành viên biên bản 0", "Chủ tịch", "Có mặt"), ("Thành viên biên bản 1", "Phó Chủ tịch", "Có mặt"),
            ("Thành viên biên bản 2", "Ủy viên thư ký", "Có mặt"), ("Thành viên biên bản 4", "ủy viên chuyên gia", "Có mặt"),
            ("Thành viên biên bản 5", "ủy viên chuyên gia", "Có mặt"), ("Thành viên biên bản 3", "ủy viên (đại diện công đoàn)", "Có mặt")]);
        members.Single(r => (string)r["Họ và tên"] == seats[5].Name)["Xung đột lợi ích đã khai báo"].ShouldBe($"{Title}: Là người thân của tác giả");
        members.Where(r => (string)r["Họ và tên"] != seats[5].Name).ShouldAllBe(r => string.IsNullOrEmpty((string?)r["Xung đột lợi ích đã khai báo"]));
    }
}
