using Microsoft.AspNetCore.Http;
using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Features.Units.GetUnit;
using Mediator;

namespace Khcn.Organization.Features.Units.CreateUnit;

internal sealed class Endpoint(IMediator mediator) : Endpoint<CreateUnit, UnitDetail>
{
    public override void Configure()
    {
        Post(CreateUnit.Route);
        Policies(Permission.UnitsManage);
        Summary(s =>
        {
            s.Summary = "Create a unit (honours Idempotency-Key)";
            s.Response<UnitDetail>(201, "The unit, created.");
        });
    }

    public override async Task HandleAsync(CreateUnit req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        var unit = await mediator.Send(new GetUnit.GetUnit { Id = id }, ct);
        HttpContext.Response.Headers.Location = GetUnit.GetUnit.For(id);
        await Send.ResponseAsync(unit, StatusCodes.Status201Created, ct);
    }
}
