using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>One enterprise with all its yearly figures; 404 outside the caller's scope.</summary>
public sealed record GetEnterprise : IQuery<EnterpriseDetail>
{
    public const string Route = "/api/v1/organization/enterprises/{id}";
    public static string For(Guid id) => $"/api/v1/organization/enterprises/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetEnterpriseHandler(OrganizationDbContext db) : IQueryHandler<GetEnterprise, EnterpriseDetail>
{
    public async ValueTask<EnterpriseDetail> Handle(GetEnterprise query, CancellationToken ct)
    {
        var detail = await db.Enterprises.AsNoTracking().Where(e => e.Id == query.Id).ProjectToType<EnterpriseDetail>()
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(Localized.Text("Enterprise", "doanh nghiệp"), query.Id);
        if (detail.GrassrootsUnitId is not { } grassrootsId) return detail;
        // A separate query: IgnoreQueryFilters inside the one above would lift the scope filter from the enterprise too.
        var name = await db.Units.IgnoreQueryFilters().Where(u => u.Id == grassrootsId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return detail with { GrassrootsUnitName = name };
    }
}

internal sealed class GetEnterpriseEndpoint(IMediator mediator) : Endpoint<GetEnterprise, EnterpriseDetail>
{
    public override void Configure()
    {
        Get(GetEnterprise.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Get an enterprise with its yearly labour figures");
    }

    public override async Task HandleAsync(GetEnterprise req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
