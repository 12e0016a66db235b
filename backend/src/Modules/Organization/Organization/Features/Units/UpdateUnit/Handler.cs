using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.UpdateUnit;

internal sealed class Handler(OrganizationDbContext db, TimeProvider clock) : ICommandHandler<UpdateUnit, Guid>
{
    public async ValueTask<Guid> Handle(UpdateUnit command, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.Id);
        db.Access.Demand(Permission.UnitsManage, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        Concurrency.GuardUpdate(db, unit, command.IfMatch);
        unit.Rename(command.Name, VietnamTime.Today(clock));
        unit.UpdateContacts(command.Address, command.Phone, command.Email);
        return unit.Id;
    }
}
