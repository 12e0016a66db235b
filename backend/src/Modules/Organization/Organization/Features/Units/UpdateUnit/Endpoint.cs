using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Mediator;

namespace Khcn.Organization.Features.Units.UpdateUnit;

internal sealed class Endpoint(IMediator mediator) : Endpoint<UpdateUnit, UnitDetail>
{
    public override void Configure()
    {
        Put(UpdateUnit.Route);
        Policies(Permission.UnitsManage);
        Summary(s => s.Summary = "Update a unit's name and contacts (If-Match required; 412 when stale)");
    }

    public override async Task HandleAsync(UpdateUnit req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetUnit.GetUnit { Id = id }, ct), ct);
    }
}
