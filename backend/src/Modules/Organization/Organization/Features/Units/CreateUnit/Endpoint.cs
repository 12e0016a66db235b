using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Features.Units.GetUnit;
using Mediator;

namespace Khcn.Organization.Features.Units.CreateUnit;

internal sealed class Endpoint(IMediator mediator) : CreatedEndpoint<CreateUnit, UnitDetail>(mediator)
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

    protected override IQuery<UnitDetail> ReadBack(CreateUnit command, Guid id) => new GetUnit.GetUnit { Id = id };
    protected override string Location(CreateUnit command, Guid id) => GetUnit.GetUnit.For(id);
}
