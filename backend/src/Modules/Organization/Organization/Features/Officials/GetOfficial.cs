using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Officials;

/// <summary>One official; 404 outside the caller's scope.</summary>
public sealed record GetOfficial : IQuery<OfficialDetail>
{
    public const string Route = "/api/v1/organization/officials/{id}";
    public static string For(Guid id) => $"/api/v1/organization/officials/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetOfficialHandler(OrganizationDbContext db) : IQueryHandler<GetOfficial, OfficialDetail>
{
    public async ValueTask<OfficialDetail> Handle(GetOfficial query, CancellationToken ct) =>
        await db.Officials.AsNoTracking().Where(o => o.Id == query.Id).ProjectToType<OfficialDetail>().FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(Localized.Text("Official", "cán bộ"), query.Id);
}

internal sealed class GetOfficialEndpoint(IMediator mediator) : Endpoint<GetOfficial, OfficialDetail>
{
    public override void Configure()
    {
        Get(GetOfficial.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Get an official (its ETag is the version to send back in If-Match)");
    }

    public override async Task HandleAsync(GetOfficial req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
