using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>One movement with its criteria, participating units and closed years; 404 when it does not apply to the caller.</summary>
public sealed record GetMovement : IQuery<MovementDetail>
{
    public const string Route = "/api/v1/participation/emulation/movements/{id}";
    public static string For(Guid id) => $"/api/v1/participation/emulation/movements/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetMovementHandler(ParticipationAccess access, IMediator mediator) : IQueryHandler<GetMovement, MovementDetail>
{
    public async ValueTask<MovementDetail> Handle(GetMovement query, CancellationToken ct)
    {
        var m = await access.MovementAsync(query.Id, ct, tracked: false);
        var names = await mediator.UnitNamesAsync(m.ChosenUnits.Select(u => u.UnitId).Append(m.UnitId), ct);
        return new MovementDetail(m.Id, m.UnitId, names.GetValueOrDefault(m.UnitId, ""), m.Name, m.Kind, m.Target, m.FromYear, m.ToYear,
            m.PeriodFrom, m.PeriodTo, m.RegistrationDeadline, m.Participants,
            m.ChosenUnits.Select(u => new UnitRef(u.UnitId, names.GetValueOrDefault(u.UnitId, ""))).OrderBy(u => u.Name).ToList(),
            m.Criteria.ToViews(), m.Criteria.Sum(c => c.MaxPoints),
            m.ClosedYears.OrderBy(y => y.Year).Select(y => new ClosedYearView(y.Year, y.ClosedBy, y.ClosedAtUtc)).ToList(), m.LaunchedBy,
            access.MayManageEmulation(m.UnitId), m.Version, m.CreatedAtUtc, m.UpdatedAtUtc);
    }
}

internal sealed class GetMovementEndpoint(IMediator mediator) : Endpoint<GetMovement, MovementDetail>
{
    public override void Configure()
    {
        Get(GetMovement.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get an emulation movement with its criteria");
    }

    public override async Task HandleAsync(GetMovement req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
