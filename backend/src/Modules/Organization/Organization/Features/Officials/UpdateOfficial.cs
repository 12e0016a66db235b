using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Officials;

/// <summary>Changes an official's details and qualifications; needs If-Match with the ETag of the last read.</summary>
public sealed record UpdateOfficial : OfficialFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/officials/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateOfficialValidator : AbstractValidator<UpdateOfficial>
{
    public UpdateOfficialValidator() => this.AddOfficialRules();
}

internal sealed class UpdateOfficialHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdateOfficial, Guid>
{
    public async ValueTask<Guid> Handle(UpdateOfficial command, CancellationToken ct)
    {
        var official = await db.Officials.FirstOrDefaultAsync(o => o.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Official", "cán bộ"), command.Id);
        db.Access.Demand(Permission.OfficialsManage, official.UnitId, Localized.Text("Official", "cán bộ"), official.Id);
        Concurrency.GuardUpdate(db, official, command.IfMatch);
        official.Update(command.ToDetails());
        return official.Id;
    }
}

internal sealed class UpdateOfficialEndpoint(IMediator mediator) : ChangedEndpoint<UpdateOfficial, OfficialDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateOfficial.Route);
        Policies(Permission.OfficialsManage);
        Summary(s => s.Summary = "Update an official (If-Match required; 412 when stale)");
    }

    protected override IQuery<OfficialDetail> ReadBack(UpdateOfficial command) => new GetOfficial { Id = command.Id };
}
