using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units;

/// <summary>Changes a unit's contact details, and its name from today (see rename for another date); needs If-Match with the ETag of the last read.</summary>
public sealed record UpdateUnit : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/units/{id}";

    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
    public string Name { get; init; } = "";
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

internal sealed class UpdateUnitValidator : AbstractValidator<UpdateUnit>
{
    public UpdateUnitValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Address).MaximumLength(500);
        RuleFor(x => x.Phone).MaximumLength(50);
        RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}

internal sealed class UpdateUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<UpdateUnit, Guid>
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

internal sealed class UpdateUnitEndpoint(IMediator mediator) : ChangedEndpoint<UpdateUnit, UnitDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateUnit.Route);
        Policies(Permission.UnitsManage);
        Summary(s => s.Summary = "Update a unit's name and contacts (If-Match required; 412 when stale)");
    }

    protected override IQuery<UnitDetail> ReadBack(UpdateUnit command) => new GetUnit { Id = command.Id };
}
