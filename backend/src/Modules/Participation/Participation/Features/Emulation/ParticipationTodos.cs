using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>
/// Participation's part of an officer's to-dos (#15), each part only with the permission it needs over the unit:
/// the registrations the unit has not made for the movements it takes part in this year (deadline, overdue when past;
/// a closed year asks nothing), the submitted commendation proposals of the units directly below awaiting the unit's
/// decision, the initiatives of the unit's subtree awaiting recognition (one item with their count), and, for whoever
/// manages emulation at the unit, how many units below it have not yet registered for each open movement of the year.
/// </summary>
internal sealed class GetParticipationTodosHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetParticipationTodos, IReadOnlyList<TodoItem>>
{
    public async ValueTask<IReadOnlyList<TodoItem>> Handle(GetParticipationTodos query, CancellationToken ct)
    {
        var unitId = query.UnitId;
        var today = VietnamTime.Today(clock);
        var items = new List<TodoItem>();
        var subtree = await mediator.Send(new GetSubtreeUnitIds(unitId), ct);
        if (subtree.Count == 0) return items;

        if (db.Access.Can(Permission.EmulationRegister, unitId))
            items.AddRange(await RegistrationsDueAsync(unitId, today, ct));
        if (db.Access.Can(Permission.EmulationManage, unitId))
            items.AddRange(await SubUnitsNotRegisteredAsync(unitId, subtree.Select(u => u.UnitId).Where(u => u != unitId).ToList(), today, ct));

        if (db.Access.Can(Permission.CommendationsDecide, unitId))
        {
            var children = subtree.Where(u => u.BranchId == u.UnitId && u.UnitId != unitId).Select(u => u.UnitId).ToList();
            var proposals = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Status == ProposalStatus.Submitted && children.Contains(p.UnitId))
                .OrderBy(p => p.SubmittedAtUtc).Select(p => new { p.Id, p.UnitId, p.Year, p.FormCode }).Take(20).ToListAsync(ct);
            var names = (await mediator.Send(new GetUnitSummaries(proposals.Select(p => p.UnitId).Distinct().ToList()), ct)).ToDictionary(u => u.Id, u => u.Name);
            items.AddRange(proposals.Select(p => new TodoItem("commendation-decision",
                string.Create(CultureInfo.InvariantCulture,
                    $"Xét đề nghị khen thưởng “{CommendationRules.Catalogue.FirstOrDefault(f => f.Code == p.FormCode)?.Name ?? p.FormCode}” năm {p.Year} của {names.GetValueOrDefault(p.UnitId, "")}"),
                null, false, null, $"/participation/commendations/{p.Id}")));
        }

        var recognisers = subtree.Select(u => u.UnitId).Where(u => db.Access.Can(Permission.InitiativesRecognise, u)).ToList();
        if (recognisers.Count > 0)
        {
            var waiting = await db.Initiatives.IgnoreQueryFilters().AsNoTracking()
                .CountAsync(i => (i.Status == InitiativeStatus.Submitted || i.Status == InitiativeStatus.UnderReview) && recognisers.Contains(i.UnitId), ct);
            if (waiting > 0)
                items.Add(new TodoItem("initiative-recognition", $"{waiting} sáng kiến chờ xét công nhận", null, false, waiting, "/participation/initiatives"));
        }
        return items;
    }

    /// <summary>The movements running this year that the unit takes part in (launched above it for the whole subtree, or naming it) and has no registration for.</summary>
    private async Task<IEnumerable<TodoItem>> RegistrationsDueAsync(Guid unitId, DateOnly today, CancellationToken ct)
    {
        var year = today.Year;
        var above = await AncestorsAsync(unitId, ct);
        var movements = await access.ReadableMovements().AsNoTracking().Include(m => m.ChosenUnits).Include(m => m.ClosedYears).AsSplitQuery()
            .Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear >= year))
            .Where(m => !db.Registrations.IgnoreQueryFilters().Any(r => r.MovementId == m.Id && r.Year == year && r.UnitId == unitId))
            .ToListAsync(ct);
        return movements
            .Where(m => !m.IsClosed(year))
            .Where(m => m.Participants == ParticipantsMode.Subtree ? above.Contains(m.UnitId) : m.ChosenUnits.Any(u => u.UnitId == unitId))
            .Select(m => (Movement: m, Due: m.DeadlineIn(year)))
            .OrderBy(x => x.Due).ThenBy(x => x.Movement.Name, StringComparer.Ordinal)
            .Select(x => new TodoItem("registration-due", string.Create(CultureInfo.InvariantCulture, $"Đăng ký thi đua năm {year}: {x.Movement.Name}"),
                x.Due, x.Due < today, null, $"/participation/emulation/movements/{x.Movement.Id}"));
    }

    /// <summary>
    /// For each movement launched by the unit or above it that runs this year, is not closed and whose registration deadline
    /// has not passed: how many of the units below it that take part (the whole subtree, or the chosen ones) have not
    /// registered yet — one item per movement with the count, linking to the movement.
    /// </summary>
    private async Task<IEnumerable<TodoItem>> SubUnitsNotRegisteredAsync(Guid unitId, List<Guid> below, DateOnly today, CancellationToken ct)
    {
        if (below.Count == 0) return [];
        var year = today.Year;
        var launchers = await AncestorsAsync(unitId, ct);
        launchers.Add(unitId);
        var movements = (await access.ReadableMovements().AsNoTracking().Include(m => m.ChosenUnits).Include(m => m.ClosedYears).AsSplitQuery()
                .Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear >= year) && launchers.Contains(m.UnitId))
                .ToListAsync(ct))
            .Where(m => !m.IsClosed(year) && m.DeadlineIn(year) >= today).ToList();
        if (movements.Count == 0) return [];
        var ids = movements.Select(m => m.Id).ToList();
        var registered = (await db.Registrations.IgnoreQueryFilters().AsNoTracking()
                .Where(r => ids.Contains(r.MovementId) && r.Year == year && below.Contains(r.UnitId))
                .Select(r => new { r.MovementId, r.UnitId }).ToListAsync(ct))
            .ToLookup(r => r.MovementId, r => r.UnitId);
        var items = new List<TodoItem>();
        foreach (var m in movements.OrderBy(m => m.DeadlineIn(year)).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            var taking = m.Participants == ParticipantsMode.Subtree ? below : below.Intersect(m.ChosenUnits.Select(u => u.UnitId)).ToList();
            var missing = taking.Except(registered[m.Id]).Count();
            if (missing == 0) continue;
            items.Add(new TodoItem("registrations-missing",
                string.Create(CultureInfo.InvariantCulture, $"Đăng ký thi đua năm {year} – {m.Name}: {missing} đơn vị trực thuộc chưa đăng ký"),
                m.DeadlineIn(year), false, missing, $"/participation/emulation/movements/{m.Id}"));
        }
        return items;
    }

    private async Task<HashSet<Guid>> AncestorsAsync(Guid unitId, CancellationToken ct)
    {
        var result = new HashSet<Guid>();
        var current = (await mediator.Send(new GetUnitSummaries([unitId]), ct)).FirstOrDefault()?.ParentId;
        while (current is { } id && result.Add(id))
            current = (await mediator.Send(new GetUnitSummaries([id]), ct)).FirstOrDefault()?.ParentId;
        return result;
    }
}
