using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>The movements that apply to the caller's units (launched by them or above them), optionally those running in a year.</summary>
public sealed class ListMovements : IQuery<PagedResult<MovementListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/emulation/movements";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default) or fromYear; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text in the name.</summary>
    public string? Q { get; init; }
    /// <summary>Only movements running in this year.</summary>
    public int? Year { get; init; }
}

internal sealed class ListMovementsValidator : AbstractValidator<ListMovements>
{
    public ListMovementsValidator() => this.AddPagingRules("name", "fromYear");
}

internal sealed class ListMovementsHandler(ParticipationAccess access, IMediator mediator) : IQueryHandler<ListMovements, PagedResult<MovementListItem>>
{
    public async ValueTask<PagedResult<MovementListItem>> Handle(ListMovements query, CancellationToken ct)
    {
        var movements = access.ReadableMovements().AsNoTracking();
        if (query.Year is { } year) movements = movements.Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear >= year));
        if (!string.IsNullOrWhiteSpace(query.Q)) movements = movements.Where(m => m.Name.Contains(query.Q.Trim()));
        var desc = query.Descending();
        movements = query.SortField() switch
        {
            "fromyear" => desc ? movements.OrderByDescending(m => m.FromYear).ThenBy(m => m.Name) : movements.OrderBy(m => m.FromYear).ThenBy(m => m.Name),
            _ => desc ? movements.OrderByDescending(m => m.Name) : movements.OrderBy(m => m.Name),
        };
        var page = await movements.Select(m => new
        {
            m.Id, m.Name, m.UnitId, m.Kind, m.Target, m.FromYear, m.ToYear, Criteria = m.Criteria.Count, MaxTotal = m.Criteria.Sum(c => c.MaxPoints),
            Closed = m.ClosedYears.Select(y => y.Year).ToList(),
        }).ToPageAsync(query, ct);
        var names = await mediator.UnitNamesAsync(page.Items.Select(m => m.UnitId), ct);
        return page.Map(m => new MovementListItem(m.Id, m.Name, m.UnitId, names.GetValueOrDefault(m.UnitId, ""), m.Kind, m.Target, m.FromYear, m.ToYear,
            m.Criteria, m.MaxTotal, m.Closed.Order().ToList()));
    }
}

internal sealed class ListMovementsEndpoint(IMediator mediator) : Endpoint<ListMovements, PagedResult<MovementListItem>>
{
    public override void Configure()
    {
        Get(ListMovements.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the emulation movements that apply to the caller's units");
    }

    public override async Task HandleAsync(ListMovements req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
