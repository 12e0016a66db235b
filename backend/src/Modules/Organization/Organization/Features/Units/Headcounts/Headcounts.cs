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

/// <summary>A unit's member and worker counts as recorded for a day.</summary>
public sealed record UnitHeadcountView(DateOnly AsOf, int Members, int Workers, string? Note);

/// <summary>The figures that hold on a day: those of the latest record on or before it.</summary>
public sealed record HeadcountAsOf(DateOnly AsOf, int Members, int Workers);

/// <summary>
/// Members and workers summed over a unit's subtree as of a day: each unit's latest record on or before the day.
/// <see cref="UnitsCounted"/> units contributed a record; <see cref="UnitsWithoutRecord"/> grassroots unions existing
/// that day had none yet (the total is short by their figures).
/// </summary>
public sealed record HeadcountTotal(Guid UnitId, DateOnly AsOf, int Members, int Workers, int UnitsCounted, int UnitsWithoutRecord);

internal static class Headcounts
{
    /// <summary>The record of each unit that holds on <paramref name="day"/>: the latest on or before it.</summary>
    public static IQueryable<UnitHeadcount> LatestOnOrBefore(OrganizationDbContext db, DateOnly day) =>
        db.UnitHeadcounts.Where(h => h.AsOf <= day && !db.UnitHeadcounts.Any(o => o.UnitId == h.UnitId && o.AsOf <= day && o.AsOf > h.AsOf));

    public static async Task<HeadcountAsOf?> OfUnitAsync(OrganizationDbContext db, Guid unitId, DateOnly day, CancellationToken ct) =>
        await db.UnitHeadcounts.AsNoTracking().Where(h => h.UnitId == unitId && h.AsOf <= day).OrderByDescending(h => h.AsOf)
            .Select(h => new HeadcountAsOf(h.AsOf, h.Members, h.Workers)).FirstOrDefaultAsync(ct);

    public static async Task EnsureVisibleAsync(OrganizationDbContext db, Guid unitId, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
    }
}

/// <summary>Every headcount record of a unit, newest first.</summary>
public sealed record ListUnitHeadcounts : IQuery<IReadOnlyList<UnitHeadcountView>>
{
    public const string Route = "/api/v1/organization/units/{id}/headcounts";
    public static string For(Guid id) => $"/api/v1/organization/units/{id}/headcounts";
    public Guid Id { get; init; }
}

internal sealed class ListUnitHeadcountsHandler(OrganizationDbContext db) : IQueryHandler<ListUnitHeadcounts, IReadOnlyList<UnitHeadcountView>>
{
    public async ValueTask<IReadOnlyList<UnitHeadcountView>> Handle(ListUnitHeadcounts query, CancellationToken ct)
    {
        await Headcounts.EnsureVisibleAsync(db, query.Id, ct);
        return await db.UnitHeadcounts.AsNoTracking().Where(h => h.UnitId == query.Id).OrderByDescending(h => h.AsOf)
            .Select(h => new UnitHeadcountView(h.AsOf, h.Members, h.Workers, h.Note)).ToListAsync(ct);
    }
}

internal sealed class ListUnitHeadcountsEndpoint(IMediator mediator) : Endpoint<ListUnitHeadcounts, IReadOnlyList<UnitHeadcountView>>
{
    public override void Configure()
    {
        Get(ListUnitHeadcounts.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "A unit's recorded member and worker counts, newest first");
    }

    public override async Task HandleAsync(ListUnitHeadcounts req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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

/// <summary>Members and workers summed over the unit and every unit below it, as of a day (default: today in Vietnam).</summary>
public sealed record GetHeadcountTotal : IQuery<HeadcountTotal>
{
    public const string Route = "/api/v1/organization/units/{id}/headcounts/total";
    public static string For(Guid id, DateOnly? asOf = null) =>
        $"/api/v1/organization/units/{id}/headcounts/total" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : "");
    public Guid Id { get; init; }
    /// <summary>The day (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? AsOf { get; init; }
}

internal sealed class GetHeadcountTotalHandler(OrganizationDbContext db, TimeProvider clock) : IQueryHandler<GetHeadcountTotal, HeadcountTotal>
{
    public async ValueTask<HeadcountTotal> Handle(GetHeadcountTotal query, CancellationToken ct)
    {
        var day = query.AsOf ?? VietnamTime.Today(clock);
        var prefix = await db.SubtreePathOfAsync(query.Id, ct);
        // The units of the subtree that existed (and were not yet merged or dissolved) on the day: a merged unit's
        // last figures stop counting once its successor's figures include its people.
        var existing = db.Units.WhereUnder(u => u.Path, prefix).Where(u => db.UnitVersions.Any(v => v.UnitId == u.Id
            && v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day) && v.Status == UnitStatus.Active));
        var sums = await Headcounts.LatestOnOrBefore(db, day).AsNoTracking()
            .Where(h => existing.Any(u => u.Id == h.UnitId))
            .GroupBy(_ => 1)
            .Select(g => new { Members = g.Sum(h => h.Members), Workers = g.Sum(h => h.Workers), Units = g.Count() })
            .FirstOrDefaultAsync(ct);
        var missing = await existing.CountAsync(u => u.Kind == UnitKind.Grassroots
            && !db.UnitHeadcounts.Any(h => h.UnitId == u.Id && h.AsOf <= day), ct);
        return new HeadcountTotal(query.Id, day, sums?.Members ?? 0, sums?.Workers ?? 0, sums?.Units ?? 0, missing);
    }
}

internal sealed class GetHeadcountTotalEndpoint(IMediator mediator) : Endpoint<GetHeadcountTotal, HeadcountTotal>
{
    public override void Configure()
    {
        Get(GetHeadcountTotal.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Members and workers summed over a unit's subtree as of a day");
    }

    public override async Task HandleAsync(GetHeadcountTotal req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
