using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Policies;

/// <summary>
/// Policy documents apply downwards: a user reads those kept by the units in scope and by the units above them
/// (a district officer reads the province's policies), and changes only those their rights cover.
/// </summary>
internal static class PolicyVisibility
{
    public static IQueryable<PolicyDocument> Readable(OrganizationDbContext db) => db.ReadableDownwards<PolicyDocument>();

    public static async Task<PolicyDocument> ForChangeAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var policy = await Readable(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Policy", "văn bản chính sách"), id);
        if (!db.Access.Can(Permission.PoliciesManage, policy.UnitId)) throw new ForbiddenException();
        return policy;
    }
}

/// <summary>The register of encouragement-policy documents of the caller's units and the units above them, searchable without diacritics.</summary>
public sealed class ListPolicies : IQuery<PagedResult<PolicyListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/policies";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>issuedOn (default: newest first), number or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the number, title, issuer or summary (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only documents in force on this day (yyyy-MM-dd).</summary>
    public DateOnly? EffectiveOn { get; init; }
}

internal sealed class ListPoliciesValidator : AbstractValidator<ListPolicies>
{
    public ListPoliciesValidator() => this.AddPagingRules("issuedOn", "number", "title");
}

internal sealed class ListPoliciesHandler(OrganizationDbContext db) : IQueryHandler<ListPolicies, PagedResult<PolicyListItem>>
{
    public async ValueTask<PagedResult<PolicyListItem>> Handle(ListPolicies query, CancellationToken ct)
    {
        var policies = PolicyVisibility.Readable(db).AsNoTracking();
        policies = policies.WhereMatches(query.Q, p => p.SearchText);
        if (query.EffectiveOn is { } day)
            policies = policies.Where(p => p.EffectiveFrom <= day && (p.EffectiveTo == null || p.EffectiveTo >= day));
        var desc = query.Descending();
        policies = query.SortField() switch
        {
            "number" => desc ? policies.OrderByDescending(p => p.Number) : policies.OrderBy(p => p.Number),
            "title" => desc ? policies.OrderByDescending(p => p.Title) : policies.OrderBy(p => p.Title),
            "issuedon" when !desc => policies.OrderBy(p => p.IssuedOn).ThenBy(p => p.Number),
            _ => policies.OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Number),
        };
        return await policies
            .Select(p => new PolicyListItem(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.EffectiveFrom, p.EffectiveTo, p.Attachments.Count))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListPoliciesEndpoint(IMediator mediator) : Endpoint<ListPolicies, PagedResult<PolicyListItem>>
{
    public override void Configure()
    {
        Get(ListPolicies.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Search the register of encouragement-policy documents");
    }

    public override async Task HandleAsync(ListPolicies req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>One policy document with its attachments; 404 outside the caller's scope.</summary>
public sealed record GetPolicy : IQuery<PolicyDetail>
{
    public const string Route = "/api/v1/organization/policies/{id}";
    public static string For(Guid id) => $"/api/v1/organization/policies/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetPolicyHandler(OrganizationDbContext db) : IQueryHandler<GetPolicy, PolicyDetail>
{
    public async ValueTask<PolicyDetail> Handle(GetPolicy query, CancellationToken ct) =>
        await PolicyVisibility.Readable(db).AsNoTracking().Where(p => p.Id == query.Id)
            .Select(p => new PolicyDetail(p.Id, p.UnitId, p.Number, p.Title, p.Issuer, p.IssuedOn, p.EffectiveFrom, p.EffectiveTo, p.Scope, p.Summary,
                p.Attachments.OrderBy(a => a.File.UploadedAtUtc)
                    .Select(a => new PolicyAttachmentView(a.Id, a.File.FileName, a.File.ContentType, a.File.Size, a.File.UploadedAtUtc, a.File.UploadedBy)).ToList(),
                p.Version, p.CreatedAtUtc, p.UpdatedAtUtc))
            .FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(Localized.Text("Policy", "văn bản chính sách"), query.Id);
}

internal sealed class GetPolicyEndpoint(IMediator mediator) : Endpoint<GetPolicy, PolicyDetail>
{
    public override void Configure()
    {
        Get(GetPolicy.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a policy document with its attachments");
    }

    public override async Task HandleAsync(GetPolicy req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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
        if (!await db.Units.AnyAsync(u => u.Id == command.UnitId, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.UnitId);
        db.Access.Demand(Permission.PoliciesManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
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

internal sealed class UpdatePolicyEndpoint(IMediator mediator) : Endpoint<UpdatePolicy, PolicyDetail>
{
    public override void Configure()
    {
        Put(UpdatePolicy.Route);
        Policies(Permission.PoliciesManage);
        Summary(s => s.Summary = "Update a policy document (If-Match required; 412 when stale)");
    }

    public override async Task HandleAsync(UpdatePolicy req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetPolicy { Id = id }, ct), ct);
    }
}
