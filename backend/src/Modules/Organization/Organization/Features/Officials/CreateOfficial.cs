using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Officials;

/// <summary>Records an official of a unit in the caller's scope.</summary>
public sealed record CreateOfficial : OfficialFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/officials";
    public Guid UnitId { get; init; }
}

internal sealed class CreateOfficialValidator : AbstractValidator<CreateOfficial>
{
    public CreateOfficialValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddOfficialRules();
    }
}

internal sealed class CreateOfficialHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreateOfficial, Guid>
{
    public async ValueTask<Guid> Handle(CreateOfficial command, CancellationToken ct)
    {
        await UnitAccess.DemandAsync(db, Permission.OfficialsManage, command.UnitId, ct);
        var official = Official.Create(command.UnitId, command.ToDetails());
        db.Officials.Add(official);
        return official.Id;
    }
}

internal sealed class CreateOfficialEndpoint(IMediator mediator) : CreatedEndpoint<CreateOfficial, OfficialDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateOfficial.Route);
        Policies(Permission.OfficialsManage);
        Summary(s =>
        {
            s.Summary = "Record an official of a unit (honours Idempotency-Key)";
            s.Response<OfficialDetail>(201, "The official, recorded.");
        });
    }

    protected override IQuery<OfficialDetail> ReadBack(CreateOfficial command, Guid id) => new GetOfficial { Id = id };
    protected override string Location(CreateOfficial command, Guid id) => GetOfficial.For(id);
}
