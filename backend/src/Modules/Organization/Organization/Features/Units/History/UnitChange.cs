using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.History;

/// <summary>What every structural change of a unit carries: the day it takes effect and, optionally, If-Match.</summary>
public abstract record UnitChange : Mediator.ICommand<Guid>
{
    public Guid Id { get; init; }
    /// <summary>The day the change takes effect (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? EffectiveOn { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>What the four structural changes share: the unit loaded with its history, checked for scope, rights and If-Match.</summary>
internal static class UnitChanges
{
    public static async Task<(UnionUnit Unit, DateOnly On)> LoadAsync(OrganizationDbContext db, TimeProvider clock, UnitChange change, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == change.Id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), change.Id);
        db.Access.Demand(Permission.UnitsManage, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        if (change.IfMatch is not null) Concurrency.GuardUpdate(db, unit, change.IfMatch);
        return (unit, change.EffectiveOn ?? VietnamTime.Today(clock));
    }

    /// <summary>The other unit of a move or merge (the new parent, the successor), which the caller must manage too.</summary>
    public static async Task<UnionUnit> TargetAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var target = await db.Units.Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        db.Access.Demand(Permission.UnitsManage, target.Id, Localized.Text("Unit", "đơn vị"), target.Id);
        return target;
    }

    public static Task<List<UnionUnit>> DescendantsAsync(OrganizationDbContext db, UnionUnit unit, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().Include(u => u.Versions)
            .WhereUnder(u => u.Path, unit.Path).Where(u => u.Id != unit.Id).ToListAsync(ct);
}

internal abstract class UnitChangeEndpoint<TChange>(IMediator mediator, string route, string summary) : ChangedEndpoint<TChange, UnitDetail>(mediator)
    where TChange : UnitChange
{
    public override void Configure()
    {
        Post(route);
        Policies(Permission.UnitsManage);
        Summary(s => s.Summary = summary);
    }

    protected override IQuery<UnitDetail> ReadBack(TChange command) => new GetUnit { Id = command.Id };
}
