using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>
/// The registrations of the units in the caller's scope, by movement and year, and those the caller reviews as a cluster
/// leader (#13: the other member units of a cluster their unit leads, in that year), marked ClusterLed when outside the scope.
/// </summary>
public sealed class ListRegistrations : IQuery<PagedResult<RegistrationListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/emulation/registrations";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>registeredOn (default, newest first) or total; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text in the movement's name.</summary>
    public string? Q { get; init; }
    public Guid? MovementId { get; init; }
    public int? Year { get; init; }
    /// <summary>Only this unit's registrations.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>Only the registrations the caller reviews as a cluster leader ("Cụm do đơn vị dẫn đầu").</summary>
    public bool? ClusterLed { get; init; }
}

internal sealed class ListRegistrationsValidator : AbstractValidator<ListRegistrations>
{
    public ListRegistrationsValidator() => this.AddPagingRules("registeredOn", "total");
}

internal sealed class ListRegistrationsHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : IQueryHandler<ListRegistrations, PagedResult<RegistrationListItem>>
{
    public async ValueTask<PagedResult<RegistrationListItem>> Handle(ListRegistrations query, CancellationToken ct)
    {
        var led = await access.LedClusterIdsAsync(ct);
        var registrations = access.RegistrationsWithClusterLed(led).AsNoTracking();
        var visible = db.VisibleUnits;
        var leads = led.Count > 0;
        if (query.ClusterLed == true) registrations = leads ? registrations.Where(r => !visible.Contains(r.UnitId)) : registrations.Where(_ => false);
        if (query.MovementId is { } movementId) registrations = registrations.Where(r => r.MovementId == movementId);
        if (query.Year is { } year) registrations = registrations.Where(r => r.Year == year);
        if (query.UnitId is { } unitId) registrations = registrations.Where(r => r.UnitId == unitId);
        var desc = query.Descending();
        registrations = query.SortField() switch
        {
            "total" => desc ? registrations.OrderByDescending(r => r.Total) : registrations.OrderBy(r => r.Total),
            "registeredon" when !desc => registrations.OrderBy(r => r.RegisteredOn).ThenBy(r => r.CreatedAtUtc),
            _ => registrations.OrderByDescending(r => r.RegisteredOn).ThenByDescending(r => r.CreatedAtUtc),
        };
        var joined = registrations.Join(db.Movements, r => r.MovementId, m => m.Id, (r, m) => new
        {
            r.Id, r.MovementId, MovementName = m.Name, r.UnitId, r.Year, r.RegisteredOn, r.Late, r.Status, r.Total,
            ClusterLed = leads && !visible.Contains(r.UnitId),
        });
        if (!string.IsNullOrWhiteSpace(query.Q)) joined = joined.Where(r => r.MovementName.Contains(query.Q.Trim()));
        var page = await joined.ToPageAsync(query, ct);
        var names = await mediator.UnitNamesAsync(page.Items.Select(r => r.UnitId), ct);
        return page.Map(r => new RegistrationListItem(r.Id, r.MovementId, r.MovementName, r.UnitId, names.GetValueOrDefault(r.UnitId, ""), r.Year,
            r.RegisteredOn, r.Late, r.Status, r.Total, r.ClusterLed));
    }
}

internal sealed class ListRegistrationsEndpoint(IMediator mediator) : Endpoint<ListRegistrations, PagedResult<RegistrationListItem>>
{
    public override void Configure()
    {
        Get(ListRegistrations.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the emulation registrations of the units in scope");
    }

    public override async Task HandleAsync(ListRegistrations req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
