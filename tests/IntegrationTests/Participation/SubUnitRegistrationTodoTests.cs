using System.Net;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Todos;
using Khcn.Participation.Features.Emulation;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Issue 15: a district officer's home to-dos count, per open movement of the year before its registration deadline,
/// the units below the district that take part and have not registered yet, with a link to the movement; the count
/// falls as they register, and another district's officer never sees it.
/// </summary>
public sealed class SubUnitRegistrationTodoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_a_Van_Lam_movement_for_two_grassroots_unions_one_registered_When_the_officer_reads_the_todos_Then_one_unit_is_missing_until_it_registers()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DETMAYLACHONG");
        var nhuQuynh = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DIENTUNHUQUYNH");
        var today = VietnamTime.Today(TimeProvider.System);
        var deadline = today.AddDays(Math.Min(5, new DateOnly(today.Year, 12, 31).DayNumber - today.DayNumber));
        var year = today.Year;
        var created = await officer.PostJsonAsync(CreateMovement.Route, new
        {
            unitId = vanLam, name = "Thi đua kiểm thử việc cần làm", kind = "Regular", target = "Collectives", fromYear = year, toYear = year,
            registrationDeadline = deadline, participants = "ChosenUnits", chosenUnitIds = new[] { lacHong, nhuQuynh },
            criteria = new[] { new { name = "Tiêu chí 1", maxPoints = 10m, evidence = "Minh chứng" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var movement = await created.ReadAsync<MovementDetail>();
        var link = $"/participation/emulation/movements/{movement.Id}";
        (await officer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = lacHong, year, targets = "Mục tiêu tập thể", people = Array.Empty<object>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var todos = await (await officer.GetAsync($"{GetMyTodos.Route}?unitId={vanLam}")).ReadAsync<MyTodos>();
        var item = todos.Items.Where(i => i.Kind == "registrations-missing" && i.Link == link).ShouldHaveSingleItem();
        item.Count.ShouldBe(1);
        item.DueOn.ShouldBe(deadline);
        item.Title.ShouldBe($"Đăng ký thi đua năm {year} – Thi đua kiểm thử việc cần làm: 1 đơn vị trực thuộc chưa đăng ký");

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var theirs = await (await myHao.GetAsync(GetMyTodos.Route)).ReadAsync<MyTodos>();
        theirs.Items.ShouldNotContain(i => i.Link == link);

        (await officer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = nhuQuynh, year, targets = "Mục tiêu tập thể", people = Array.Empty<object>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await (await officer.GetAsync($"{GetMyTodos.Route}?unitId={vanLam}")).ReadAsync<MyTodos>();
        after.Items.ShouldNotContain(i => i.Link == link, "every taking part unit registered");
    }
}
