using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Policies;

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
