using FastEndpoints;
using FluentValidation;
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

public sealed record UnitVersionView(DateOnly ValidFrom, DateOnly? ValidTo, string Code, string Name, UnitKind Kind, Guid? ParentId,
    string? ParentName, UnitStatus Status, Guid? SuccessorId);

/// <summary>A unit's names, places and status over time, newest first.</summary>
public sealed record GetUnitHistory : IQuery<IReadOnlyList<UnitVersionView>>
{
    public const string Route = "/api/v1/organization/units/{id}/history";
    public Guid Id { get; init; }
}

internal sealed class GetUnitHistoryHandler(OrganizationDbContext db) : IQueryHandler<GetUnitHistory, IReadOnlyList<UnitVersionView>>
{
    public async ValueTask<IReadOnlyList<UnitVersionView>> Handle(GetUnitHistory query, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == query.Id, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), query.Id);
        var versions = await db.UnitVersions.AsNoTracking().Where(v => v.UnitId == query.Id).OrderByDescending(v => v.ValidFrom).ToListAsync(ct);
        var parentIds = versions.Where(v => v.ParentId != null).Select(v => v.ParentId!.Value).Distinct().ToList();
        // Names of former parents are history too: shown even when the parent is outside today's scope.
        var names = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => parentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return versions.Select(v => new UnitVersionView(v.ValidFrom, v.ValidTo, v.Code, v.Name, v.Kind, v.ParentId,
            v.ParentId is { } p ? names.GetValueOrDefault(p) : null, v.Status, v.SuccessorId)).ToList();
    }
}

internal sealed class GetUnitHistoryEndpoint(IMediator mediator) : Endpoint<GetUnitHistory, IReadOnlyList<UnitVersionView>>
{
    public override void Configure()
    {
        Get(GetUnitHistory.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "A unit's effective-dated history (renames, moves, merge, dissolution)");
    }

    public override async Task HandleAsync(GetUnitHistory req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

public sealed record UnitAsOf(Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId, UnitStatus Status);

public sealed record HierarchyAsOfResponse(DateOnly Date, IReadOnlyList<UnitAsOf> Items);

/// <summary>The hierarchy as it stood on a day ("as of 1/1/2024"): the units that existed then, with their names and parents of then.</summary>
public sealed record GetHierarchyAsOf : IQuery<HierarchyAsOfResponse>
{
    public const string Route = "/api/v1/organization/units/as-of";
    /// <summary>The day (yyyy-MM-dd).</summary>
    public DateOnly Date { get; init; }
}

internal sealed class GetHierarchyAsOfValidator : AbstractValidator<GetHierarchyAsOf>
{
    public GetHierarchyAsOfValidator() => RuleFor(x => x.Date).NotEmpty();
}

internal sealed class GetHierarchyAsOfHandler(OrganizationDbContext db) : IQueryHandler<GetHierarchyAsOf, HierarchyAsOfResponse>
{
    public async ValueTask<HierarchyAsOfResponse> Handle(GetHierarchyAsOf query, CancellationToken ct)
    {
        var day = query.Date;
        var visible = db.Units.Select(u => u.Id); // scope: today's visible units (merged units stay under their successor)
        var items = await db.UnitVersions.AsNoTracking()
            .Where(v => v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day) && v.Status != UnitStatus.Dissolved && visible.Contains(v.UnitId))
            .OrderBy(v => v.Name)
            .Select(v => new UnitAsOf(v.UnitId, v.Code, v.Name, v.Kind, v.ParentId, v.Status))
            .ToListAsync(ct);
        return new HierarchyAsOfResponse(day, items.Where(i => i.Status == UnitStatus.Active).ToList());
    }
}

internal sealed class GetHierarchyAsOfEndpoint(IMediator mediator) : Endpoint<GetHierarchyAsOf, HierarchyAsOfResponse>
{
    public override void Configure()
    {
        Get(GetHierarchyAsOf.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "The unit hierarchy as it stood on a given day");
    }

    public override async Task HandleAsync(GetHierarchyAsOf req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>What every structural change of a unit carries: the day it takes effect and, optionally, If-Match.</summary>
public abstract record UnitChange : Mediator.ICommand<Guid>
{
    public Guid Id { get; init; }
    /// <summary>The day the change takes effect (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? EffectiveOn { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

public sealed record RenameUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/rename";
    public string Name { get; init; } = "";
}

public sealed record MoveUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/move";
    public Guid ParentId { get; init; }
}

public sealed record MergeUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/merge";
    /// <summary>The unit this one is merged into.</summary>
    public Guid SuccessorId { get; init; }
}

public sealed record DissolveUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/dissolve";
}

internal sealed class RenameUnitValidator : AbstractValidator<RenameUnit>
{
    public RenameUnitValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
}

internal sealed class MoveUnitValidator : AbstractValidator<MoveUnit>
{
    public MoveUnitValidator() => RuleFor(x => x.ParentId).NotEmpty();
}

internal sealed class MergeUnitValidator : AbstractValidator<MergeUnit>
{
    public MergeUnitValidator() => RuleFor(x => x.SuccessorId).NotEmpty();
}

/// <summary>Loads the unit with its history and subtree, checks scope, rights and If-Match, then applies the change.</summary>
internal sealed class UnitChangeHandlers(OrganizationDbContext db, TimeProvider clock) :
    Mediator.ICommandHandler<RenameUnit, Guid>, Mediator.ICommandHandler<MoveUnit, Guid>,
    Mediator.ICommandHandler<MergeUnit, Guid>, Mediator.ICommandHandler<DissolveUnit, Guid>
{
    private async Task<(UnionUnit Unit, DateOnly On)> LoadAsync(UnitChange change, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == change.Id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), change.Id);
        db.Access.Demand(Permission.UnitsManage, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        if (change.IfMatch is not null) Concurrency.GuardUpdate(db, unit, change.IfMatch);
        return (unit, change.EffectiveOn ?? VietnamTime.Today(clock));
    }

    private async Task<UnionUnit> TargetAsync(Guid id, CancellationToken ct)
    {
        var target = await db.Units.Include(u => u.Versions).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        db.Access.Demand(Permission.UnitsManage, target.Id, Localized.Text("Unit", "đơn vị"), target.Id);
        return target;
    }

    private Task<List<UnionUnit>> DescendantsAsync(UnionUnit unit, CancellationToken ct) =>
        db.Units.IgnoreQueryFilters().Include(u => u.Versions)
            .WhereUnder(u => u.Path, unit.Path).Where(u => u.Id != unit.Id).ToListAsync(ct);

    public async ValueTask<Guid> Handle(RenameUnit command, CancellationToken ct)
    {
        var (unit, on) = await LoadAsync(command, ct);
        unit.Rename(command.Name, on);
        return unit.Id;
    }

    public async ValueTask<Guid> Handle(MoveUnit command, CancellationToken ct)
    {
        var (unit, on) = await LoadAsync(command, ct);
        var parent = await TargetAsync(command.ParentId, ct);
        unit.MoveTo(parent, on, await DescendantsAsync(unit, ct));
        return unit.Id;
    }

    public async ValueTask<Guid> Handle(MergeUnit command, CancellationToken ct)
    {
        var (unit, on) = await LoadAsync(command, ct);
        var successor = await TargetAsync(command.SuccessorId, ct);
        unit.MergeInto(successor, on, await DescendantsAsync(unit, ct));
        return unit.Id;
    }

    public async ValueTask<Guid> Handle(DissolveUnit command, CancellationToken ct)
    {
        var (unit, on) = await LoadAsync(command, ct);
        var hasActiveChildren = await db.Units.IgnoreQueryFilters().AnyAsync(u => u.ParentId == unit.Id && u.Status == UnitStatus.Active, ct);
        unit.Dissolve(on, hasActiveChildren);
        return unit.Id;
    }
}

internal abstract class UnitChangeEndpoint<TChange>(IMediator mediator, string route, string summary) : Endpoint<TChange, UnitDetail>
    where TChange : UnitChange
{
    public override void Configure()
    {
        Post(route);
        Policies(Permission.UnitsManage);
        Summary(s => s.Summary = summary);
    }

    public override async Task HandleAsync(TChange req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetUnit.GetUnit { Id = id }, ct), ct);
    }
}

internal sealed class RenameUnitEndpoint(IMediator m) : UnitChangeEndpoint<RenameUnit>(m, RenameUnit.Route, "Rename a unit from a given day");
internal sealed class MoveUnitEndpoint(IMediator m) : UnitChangeEndpoint<MoveUnit>(m, MoveUnit.Route, "Move a unit (and its sub-units) under another parent from a given day");
internal sealed class MergeUnitEndpoint(IMediator m) : UnitChangeEndpoint<MergeUnit>(m, MergeUnit.Route, "Merge a unit into another from a given day (its sub-units and records roll up to the successor)");
internal sealed class DissolveUnitEndpoint(IMediator m) : UnitChangeEndpoint<DissolveUnit>(m, DissolveUnit.Route, "Dissolve a unit without active sub-units from a given day");
