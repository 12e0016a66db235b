using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Officials;

/// <summary>A course the official completed (from the Training module), newest first.</summary>
public sealed record OfficialTrainingItem(
    Guid Id, string CourseCode, string CourseTitle, string Subject, string PartnerName, DateOnly CompletedOn, string? CertificateNumber);

/// <summary>The official's training history; 404 outside the caller's scope, like the official.</summary>
public sealed record ListOfficialTrainings : IQuery<List<OfficialTrainingItem>>
{
    public const string Route = "/api/v1/organization/officials/{id}/trainings";
    public static string For(Guid id) => $"/api/v1/organization/officials/{id}/trainings";
    public Guid Id { get; init; }
}

internal sealed class ListOfficialTrainingsHandler(OrganizationDbContext db) : IQueryHandler<ListOfficialTrainings, List<OfficialTrainingItem>>
{
    public async ValueTask<List<OfficialTrainingItem>> Handle(ListOfficialTrainings query, CancellationToken ct)
    {
        if (!await db.Officials.AnyAsync(o => o.Id == query.Id, ct)) throw new NotFoundException(Localized.Text("Official", "cán bộ"), query.Id);
        return await db.OfficialTrainings.AsNoTracking().Where(t => t.OfficialId == query.Id)
            .OrderByDescending(t => t.CompletedOn).ThenBy(t => t.CourseCode)
            .Select(t => new OfficialTrainingItem(t.Id, t.CourseCode, t.CourseTitle, t.Subject, t.PartnerName, t.CompletedOn, t.CertificateNumber))
            .ToListAsync(ct);
    }
}

internal sealed class ListOfficialTrainingsEndpoint(IMediator mediator) : Endpoint<ListOfficialTrainings, List<OfficialTrainingItem>>
{
    public override void Configure()
    {
        Get(ListOfficialTrainings.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "The courses an official completed (training history kept from the Training module)");
    }

    public override async Task HandleAsync(ListOfficialTrainings req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
