using FastEndpoints;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Security;
using Mediator;

namespace Khcn.Organization.Features.Units.ListUnits;

internal sealed class Endpoint(IMediator mediator) : Endpoint<ListUnits, PagedResult<UnitListItem>>
{
    public override void Configure()
    {
        Get(ListUnits.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "List the units in the caller's scope");
    }

    public override async Task HandleAsync(ListUnits req, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(req, ct), ct);
}
