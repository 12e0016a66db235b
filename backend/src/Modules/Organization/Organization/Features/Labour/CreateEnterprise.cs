using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>Adds an enterprise to the labour database, kept by a unit the caller manages labour data for.</summary>
public sealed record CreateEnterprise : EnterpriseFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/enterprises";
    /// <summary>The union unit that keeps the record (usually the district or upper-level union).</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreateEnterpriseValidator : AbstractValidator<CreateEnterprise>
{
    public CreateEnterpriseValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddEnterpriseRules();
    }
}

internal sealed class CreateEnterpriseHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreateEnterprise, Guid>
{
    public async ValueTask<Guid> Handle(CreateEnterprise command, CancellationToken ct)
    {
        await UnitAccess.DemandAsync(db, Permission.LabourManage, command.UnitId, ct);
        await EnterpriseChecks.EnsureGrassrootsFitsAsync(db, command.UnitId, command.GrassrootsUnitId, ct);
        await EnterpriseChecks.EnsureTaxCodeFreeAsync(db, command.TaxCode, null, ct);
        var enterprise = Enterprise.Create(command.UnitId, command.ToDetails());
        db.Enterprises.Add(enterprise);
        return enterprise.Id;
    }
}

internal sealed class CreateEnterpriseEndpoint(IMediator mediator) : CreatedEndpoint<CreateEnterprise, EnterpriseDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateEnterprise.Route);
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Add an enterprise to the labour database (honours Idempotency-Key)";
            s.Response<EnterpriseDetail>(201, "The enterprise, added.");
            s.Response(409, "The tax code is already registered (code tax_code_taken).");
            s.Response(422, "The grassroots union is not a grassroots unit inside the keeping unit's subtree.");
        });
    }

    protected override IQuery<EnterpriseDetail> ReadBack(CreateEnterprise command, Guid id) => new GetEnterprise { Id = id };
    protected override string Location(CreateEnterprise command, Guid id) => GetEnterprise.For(id);
}
