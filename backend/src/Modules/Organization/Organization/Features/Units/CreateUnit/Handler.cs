using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.CreateUnit;

internal sealed class Handler(OrganizationDbContext db, TimeProvider clock) : ICommandHandler<CreateUnit, Guid>
{
    public async ValueTask<Guid> Handle(CreateUnit command, CancellationToken ct)
    {
        UnionUnit? parent = null;
        if (command.ParentId is { } parentId)
        {
            parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), parentId);
            db.Access.Demand(Permission.UnitsManage, parent.Id, Localized.Text("Unit", "đơn vị"), parent.Id);
        }
        else
        {
            if (!db.Access.Unrestricted) throw new ForbiddenException(Localized.Text("Only a province-wide administrator may create the root unit.",
                "Chỉ quản trị viên cấp tỉnh mới được tạo đơn vị gốc."));
            if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.ParentId == null, ct))
                throw new BusinessRuleException("single_root",
                    Localized.Text("The hierarchy already has its provincial federation.", "Hệ thống tổ chức đã có Liên đoàn Lao động tỉnh."),
                    new Dictionary<string, string[]> { ["parentId"] = [Localized.Text("Choose the parent unit.", "Chọn đơn vị cấp trên.")] });
        }

        var code = command.Code.Trim().ToUpperInvariant();
        if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == code, ct))
            throw new BusinessRuleException("unit_code_taken",
                Localized.Text($"The code {code} is already used by another unit.", $"Mã {code} đã được một đơn vị khác sử dụng."),
                new Dictionary<string, string[]> { ["code"] = [Localized.Text($"The code {code} is already used.", $"Mã {code} đã được sử dụng.")] });

        var unit = UnionUnit.Create(code, command.Name, command.Kind, parent, command.Address, command.Phone, command.Email,
            command.EstablishedOn ?? VietnamTime.Today(clock));
        db.Units.Add(unit);
        if (parent is not null) db.Access.AddChildUnit(parent.Id, unit.Id);
        db.Publish(new UnitCreated(Guid.CreateVersion7(), clock.GetUtcNow().UtcDateTime, unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId));
        return unit.Id;
    }
}
