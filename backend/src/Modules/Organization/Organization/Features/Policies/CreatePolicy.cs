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

/// <summary>Adds a document to the register of a unit in the caller's scope.</summary>
public sealed record CreatePolicy : PolicyFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/policies";
    /// <summary>The unit whose register keeps the document.</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreatePolicyValidator : AbstractValidator<CreatePolicy>
{
    public CreatePolicyValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddPolicyRules();
    }
}

internal sealed class CreatePolicyHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreatePolicy, Guid>
{
    public async ValueTask<Guid> Handle(CreatePolicy command, CancellationToken ct)
    {
        await UnitAccess.DemandAsync(db, Permission.PoliciesManage, command.UnitId, ct);
        var policy = PolicyDocument.Create(command.UnitId, command.ToDetails());
        db.Policies.Add(policy);
        return policy.Id;
    }
}

internal sealed class CreatePolicyEndpoint(IMediator mediator) : CreatedEndpoint<CreatePolicy, PolicyDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreatePolicy.Route);
        Policies(Permission.PoliciesManage);
        Summary(s =>
        {
            s.Summary = "Register a policy document (honours Idempotency-Key)";
            s.Response<PolicyDetail>(201, "The document, registered.");
        });
    }

    protected override IQuery<PolicyDetail> ReadBack(CreatePolicy command, Guid id) => new GetPolicy { Id = id };
    protected override string Location(CreatePolicy command, Guid id) => GetPolicy.For(id);
}
