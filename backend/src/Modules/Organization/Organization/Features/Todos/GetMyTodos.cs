using System.Globalization;
using FastEndpoints;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Finance.Contracts;
using Khcn.Participation.Contracts;
using Khcn.Training.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Todos;

/// <summary>
/// An officer's to-dos for a unit (the home page beside the plan dashboard, #15): annual reports due for the unit and
/// its sub-units (Organization's own), courses open for nomination (Training), emulation registrations not yet made
/// this year, commendation proposals awaiting the unit's decision and initiatives awaiting recognition (Participation).
/// Each module answers for its own items through its Contracts, with the permissions the caller holds over the unit;
/// the unit itself must be in the caller's scope (404 outside). Due items first, soonest first.
/// </summary>
public sealed record GetMyTodos : IQuery<MyTodos>
{
    public const string Route = "/api/v1/me/todos";
    /// <summary>The unit whose to-dos to list (default: the caller's first granted unit, or the province for the unrestricted).</summary>
    public Guid? UnitId { get; init; }
}

/// <summary>The to-dos of <see cref="Unit"/> as of <see cref="Today"/> (Vietnam time).</summary>
public sealed record MyTodos(UnitSummary Unit, DateOnly Today, IReadOnlyList<TodoItem> Items);

internal sealed class GetMyTodosHandler(OrganizationDbContext db, IMediator mediator, TimeProvider clock) : IQueryHandler<GetMyTodos, MyTodos>
{
    /// <summary>Periods whose deadline passed longer ago than this are no longer asked for on the home page.</summary>
    private const int OverdueDaysShown = 180;

    public async ValueTask<MyTodos> Handle(GetMyTodos query, CancellationToken ct)
    {
        var id = query.UnitId ?? (db.Access.Unrestricted
            ? await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == null).Select(u => u.Id).FirstOrDefaultAsync(ct)
            : db.Access.Grants.Select(g => g.UnitId).FirstOrDefault());
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) // the scope filter: 404 outside
                   ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        var today = VietnamTime.Today(clock);

        var items = new List<TodoItem>();
        if (db.Access.Can(Permission.ReportsSubmit, unit.Id)) items.AddRange(await ReportsDueAsync(unit, today, ct));
        items.AddRange(await mediator.Send(new GetTrainingTodos(unit.Id), ct));
        items.AddRange(await mediator.Send(new GetParticipationTodos(unit.Id), ct));
        items.AddRange(await mediator.Send(new GetFinanceTodos(unit.Id), ct));
        if (db.Access.Can(Permission.OfficialsManage, unit.Id) && await FocalMissingAsync(unit, ct) is { } focal) items.Add(focal);
        var ordered = items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
        return new MyTodos(new UnitSummary(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId), today, ordered);
    }

    /// <summary>
    /// The upper-level unions of the unit's subtree (itself included) without an active focal official — the same units
    /// the focal-coverage indicator counts as not covered — as one item with their count, for whoever assigns them.
    /// </summary>
    private async Task<TodoItem?> FocalMissingAsync(UnionUnit unit, CancellationToken ct)
    {
        var upper = Enum.GetValues<UnitKind>().Where(UnitKindRules.IsUpperLevel).ToArray();
        var missing = await db.Units.AsNoTracking().WhereUnder(u => u.Path, unit.Path)
            .Where(u => upper.Contains(u.Kind))
            .CountAsync(u => !db.FocalAssignments.Any(a => a.UnitId == u.Id && a.EndedOn == null), ct);
        return missing == 0 ? null
            : new TodoItem("focal-missing", string.Create(CultureInfo.InvariantCulture, $"{missing} công đoàn cấp trên chưa có cán bộ đầu mối KH,CN&ĐMST"),
                null, false, missing, $"/organization/focal-officials?unit={unit.Id}&missing=1");
    }

    /// <summary>
    /// For each reporting period asked by the unit or a unit above it (deadline not long past): the unit's own report
    /// when it has not submitted it, and the count of active units below it that have not.
    /// </summary>
    private async Task<List<TodoItem>> ReportsDueAsync(UnionUnit unit, DateOnly today, CancellationToken ct)
    {
        var askers = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).ToList();
        var from = today.AddDays(-OverdueDaysShown);
        var periods = await db.ReportPeriods.IgnoreQueryFilters().AsNoTracking()
            .Where(p => askers.Contains(p.UnitId) && p.Deadline >= from)
            .OrderBy(p => p.Deadline).Select(p => new { p.Id, p.UnitId, p.Year, p.Deadline }).ToListAsync(ct);
        var items = new List<TodoItem>();
        foreach (var period in periods)
        {
            var missing = await db.Units.IgnoreQueryFilters().AsNoTracking()
                .WhereUnder(u => u.Path, unit.Path)
                .Where(u => u.Id != period.UnitId && u.Status == UnitStatus.Active)
                .Where(u => !db.Reports.IgnoreQueryFilters().Any(r => r.PeriodId == period.Id && r.UnitId == u.Id && r.FirstSubmittedAtUtc != null))
                .Select(u => u.Id).ToListAsync(ct);
            var overdue = period.Deadline < today;
            if (missing.Contains(unit.Id))
                items.Add(new TodoItem("report-due", string.Create(CultureInfo.InvariantCulture, $"Nộp báo cáo năm {period.Year} của {unit.Name}"),
                    period.Deadline, overdue, null, $"/organization/reports/{period.Id}/units/{unit.Id}"));
            var below = missing.Count(u => u != unit.Id);
            if (below > 0)
                items.Add(new TodoItem("reports-missing", string.Create(CultureInfo.InvariantCulture, $"Báo cáo năm {period.Year}: {below} đơn vị trực thuộc chưa nộp"),
                    period.Deadline, overdue, below, $"/organization/reports/{period.Id}"));
        }
        return items;
    }
}

internal sealed class GetMyTodosEndpoint(IMediator mediator) : Endpoint<GetMyTodos, MyTodos>
{
    public override void Configure()
    {
        Get(GetMyTodos.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "An officer's to-dos for a unit: reports due, courses open for nomination, emulation registrations, commendation decisions, initiatives awaiting recognition, budgets and tranches to approve or pay, obligations to fund, unions without a focal official");
    }

    public override async Task HandleAsync(GetMyTodos req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
