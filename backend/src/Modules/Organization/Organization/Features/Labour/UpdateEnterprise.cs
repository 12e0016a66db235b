using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;

namespace Khcn.Organization.Features.Labour;

/// <summary>Corrects an enterprise's data (its keeping unit stays); needs If-Match with the ETag of the last read.</summary>
public sealed record UpdateEnterprise : EnterpriseFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/enterprises/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateEnterpriseValidator : AbstractValidator<UpdateEnterprise>
{
    public UpdateEnterpriseValidator() => this.AddEnterpriseRules();
}

internal sealed class UpdateEnterpriseHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdateEnterprise, Guid>
{
    public async ValueTask<Guid> Handle(UpdateEnterprise command, CancellationToken ct)
    {
        var enterprise = await EnterpriseAccess.ForChangeAsync(db, command.Id, ct);
        Concurrency.GuardUpdate(db, enterprise, command.IfMatch);
        await EnterpriseChecks.EnsureGrassrootsFitsAsync(db, enterprise.UnitId, command.GrassrootsUnitId, ct);
        await EnterpriseChecks.EnsureTaxCodeFreeAsync(db, command.TaxCode, enterprise.Id, ct);
        enterprise.Update(command.ToDetails());
        return enterprise.Id;
    }
}

internal sealed class UpdateEnterpriseEndpoint(IMediator mediator) : ChangedEndpoint<UpdateEnterprise, EnterpriseDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateEnterprise.Route);
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Update an enterprise (If-Match required; 412 when stale)";
            s.Response(422, "The grassroots union is not a grassroots unit inside the keeping unit's subtree.");
        });
    }

    protected override IQuery<EnterpriseDetail> ReadBack(UpdateEnterprise command) => new GetEnterprise { Id = command.Id };
}
