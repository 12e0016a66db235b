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

namespace Khcn.Organization.Features.Policies;

/// <summary>Corrects a policy document; needs If-Match with the ETag of the last read.</summary>
public sealed record UpdatePolicy : PolicyFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/policies/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicy>
{
    public UpdatePolicyValidator() => this.AddPolicyRules();
}

internal sealed class UpdatePolicyHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdatePolicy, Guid>
{
    public async ValueTask<Guid> Handle(UpdatePolicy command, CancellationToken ct)
    {
        var policy = await PolicyVisibility.ForChangeAsync(db, command.Id, ct);
        Concurrency.GuardUpdate(db, policy, command.IfMatch);
        policy.Update(command.ToDetails());
        return policy.Id;
    }
}

internal sealed class UpdatePolicyEndpoint(IMediator mediator) : ChangedEndpoint<UpdatePolicy, PolicyDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdatePolicy.Route);
        Policies(Permission.PoliciesManage);
        Summary(s => s.Summary = "Update a policy document (If-Match required; 412 when stale)");
    }

    protected override IQuery<PolicyDetail> ReadBack(UpdatePolicy command) => new GetPolicy { Id = command.Id };
}
