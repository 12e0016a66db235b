using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.Headcounts;

/// <summary>Removes a unit's headcount record of a day.</summary>
public sealed record DeleteUnitHeadcount : Mediator.ICommand<bool>
{
    public const string Route = "/api/v1/organization/units/{id}/headcounts/{asOf}";
    public Guid Id { get; init; }
    /// <summary>The day of the record (yyyy-MM-dd).</summary>
    public DateOnly AsOf { get; init; }
}

internal sealed class DeleteUnitHeadcountHandler(OrganizationDbContext db) : Mediator.ICommandHandler<DeleteUnitHeadcount, bool>
{
    public async ValueTask<bool> Handle(DeleteUnitHeadcount command, CancellationToken ct)
    {
        await Headcounts.EnsureVisibleAsync(db, command.Id, ct);
        db.Access.Demand(Permission.LabourManage, command.Id, Localized.Text("Unit", "đơn vị"), command.Id);
        var record = await db.UnitHeadcounts.FirstOrDefaultAsync(h => h.UnitId == command.Id && h.AsOf == command.AsOf, ct)
            ?? throw new NotFoundException(Localized.Text("Headcount", "số liệu đoàn viên, người lao động"), command.AsOf);
        db.UnitHeadcounts.Remove(record);
        return true;
    }
}

internal sealed class DeleteUnitHeadcountEndpoint(IMediator mediator) : Endpoint<DeleteUnitHeadcount>
{
    public override void Configure()
    {
        Delete(DeleteUnitHeadcount.Route);
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Delete a unit's member and worker counts of a day";
            s.Response(204, "The record was deleted.");
        });
    }

    public override async Task HandleAsync(DeleteUnitHeadcount req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
