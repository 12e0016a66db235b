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
/// decision, and the initiatives of the unit's subtree awaiting recognition (one item with their count).
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

    private async Task<HashSet<Guid>> AncestorsAsync(Guid unitId, CancellationToken ct)
    {
        var result = new HashSet<Guid>();
        var current = (await mediator.Send(new GetUnitSummaries([unitId]), ct)).FirstOrDefault()?.ParentId;
        while (current is { } id && result.Add(id))
            current = (await mediator.Send(new GetUnitSummaries([id]), ct)).FirstOrDefault()?.ParentId;
        return result;
    }
}
