using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.UpdateUnit;

internal sealed class Handler(OrganizationDbContext db) : ICommandHandler<UpdateUnit, Guid>
{
    public async ValueTask<Guid> Handle(UpdateUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == command.Id, ct) ?? throw new NotFoundException("Unit", command.Id);
        db.Access.Demand(Permission.UnitsManage, unit.Id, "Unit", unit.Id);
        var expected = ETags.ExpectedVersion(command.IfMatch);
        ETags.EnsureMatches(unit, expected);
        // Guard the write too: a concurrent update between this read and the save still answers 412.
        db.Entry(unit).Property(u => u.Version).OriginalValue = expected;
        unit.Update(command.Name, command.Address, command.Phone, command.Email);
        return unit.Id;
    }
}
