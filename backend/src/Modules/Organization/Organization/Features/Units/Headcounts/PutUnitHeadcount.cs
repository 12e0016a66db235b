using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.Headcounts;

/// <summary>
/// Records a unit's member and worker counts for a day, replacing what that day had. Members are among the workers
/// (never more), counts are not negative, the day is neither in the future nor before 2000.
/// </summary>
public sealed record PutUnitHeadcount : Mediator.ICommand<UnitHeadcountView>
{
    public const string Route = "/api/v1/organization/units/{id}/headcounts/{asOf}";
    public static string For(Guid id, DateOnly asOf) => $"/api/v1/organization/units/{id}/headcounts/{asOf:yyyy-MM-dd}";
    public Guid Id { get; init; }
    /// <summary>The day the figures were counted (yyyy-MM-dd).</summary>
    public DateOnly AsOf { get; init; }
    /// <summary>Union members (đoàn viên).</summary>
    public int Members { get; init; }
    /// <summary>Workers (người lao động), union members included.</summary>
    public int Workers { get; init; }
    public string? Note { get; init; }
}

internal sealed class PutUnitHeadcountValidator : AbstractValidator<PutUnitHeadcount>
{
    public PutUnitHeadcountValidator() => RuleFor(x => x.Note).MaximumLength(500);
}

internal sealed class PutUnitHeadcountHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<PutUnitHeadcount, UnitHeadcountView>
{
    public async ValueTask<UnitHeadcountView> Handle(PutUnitHeadcount command, CancellationToken ct)
    {
        await Headcounts.EnsureVisibleAsync(db, command.Id, ct);
        // Unit officers keep these figures: the labour right over the unit, not the right to restructure units.
        db.Access.Demand(Permission.LabourManage, command.Id, Localized.Text("Unit", "đơn vị"), command.Id);
        var today = VietnamTime.Today(clock);
        var record = await db.UnitHeadcounts.FirstOrDefaultAsync(h => h.UnitId == command.Id && h.AsOf == command.AsOf, ct);
        if (record is null)
        {
            record = UnitHeadcount.Record(command.Id, command.AsOf, command.Members, command.Workers, command.Note, today);
            db.UnitHeadcounts.Add(record);
        }
        else record.Correct(command.Members, command.Workers, command.Note, today);
        return new UnitHeadcountView(record.AsOf, record.Members, record.Workers, record.Note);
    }
}

internal sealed class PutUnitHeadcountEndpoint(IMediator mediator) : Endpoint<PutUnitHeadcount, UnitHeadcountView>
{
    public override void Configure()
    {
        Put(PutUnitHeadcount.Route);
        Policies(Permission.LabourManage);
        Summary(s => s.Summary = "Record a unit's member and worker counts for a day (created or replaced)");
    }

    public override async Task HandleAsync(PutUnitHeadcount req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
