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
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.FocalOfficials;

public sealed record FocalAssignmentView(Guid Id, Guid OfficialId, string OfficialName, DateOnly StartedOn, DateOnly? EndedOn, string? AssignedBy);

public sealed record FocalOfficialsResponse(FocalAssignmentView? Current, IReadOnlyList<FocalAssignmentView> History);

/// <summary>The KH,CN&amp;ĐMST focal official of an upper-level union, and who held the role before (newest first).</summary>
public sealed record GetFocalOfficials : IQuery<FocalOfficialsResponse>
{
    public const string Route = "/api/v1/organization/units/{id}/focal-officials";
    public static string For(Guid unitId) => $"/api/v1/organization/units/{unitId}/focal-officials";
    public Guid Id { get; init; }
}

internal sealed class GetFocalOfficialsHandler(OrganizationDbContext db) : IQueryHandler<GetFocalOfficials, FocalOfficialsResponse>
{
    public async ValueTask<FocalOfficialsResponse> Handle(GetFocalOfficials query, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == query.Id, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), query.Id);
        var history = await db.FocalAssignments.AsNoTracking().Where(a => a.UnitId == query.Id)
            .OrderByDescending(a => a.StartedOn).ThenByDescending(a => a.CreatedAtUtc)
            .Select(a => new FocalAssignmentView(a.Id, a.OfficialId, a.Official!.FullName, a.StartedOn, a.EndedOn, a.AssignedBy))
            .ToListAsync(ct);
        return new FocalOfficialsResponse(history.FirstOrDefault(a => a.EndedOn is null), history);
    }
}

internal sealed class GetFocalOfficialsEndpoint(IMediator mediator) : Endpoint<GetFocalOfficials, FocalOfficialsResponse>
{
    public override void Configure()
    {
        Get(GetFocalOfficials.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "The focal official of an upper-level union and the history of the role");
    }

    public override async Task HandleAsync(GetFocalOfficials req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>
/// Makes an official of an upper-level union its KH,CN&amp;ĐMST focal official from a date (today by default), ending the
/// previous assignment that day.
/// </summary>
public sealed record AssignFocalOfficial : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/units/{id}/focal-officials";
    public Guid Id { get; init; }
    public Guid OfficialId { get; init; }
    /// <summary>First day in the role (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? StartedOn { get; init; }
}

internal sealed class AssignFocalOfficialValidator : AbstractValidator<AssignFocalOfficial>
{
    public AssignFocalOfficialValidator() => RuleFor(x => x.OfficialId).NotEmpty();
}

internal sealed class AssignFocalOfficialHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<AssignFocalOfficial, Guid>
{
    public async ValueTask<Guid> Handle(AssignFocalOfficial command, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.Id);
        db.Access.Demand(Permission.OfficialsManage, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        var official = await db.Officials.FirstOrDefaultAsync(o => o.Id == command.OfficialId, ct)
                       ?? throw new BusinessRuleException("official_not_in_unit",
                           Localized.Text("The focal official must be an official of this unit.", "Cán bộ đầu mối phải là cán bộ của đơn vị này."),
                           new Dictionary<string, string[]> { ["officialId"] = [Localized.Text("Choose an official of this unit.", "Chọn một cán bộ của đơn vị này.")] });
        var current = await db.FocalAssignments.FirstOrDefaultAsync(a => a.UnitId == unit.Id && a.EndedOn == null, ct);
        var assignment = FocalAssignment.Assign(unit, official, command.StartedOn ?? VietnamTime.Today(clock), current, db.Access.Email);
        db.FocalAssignments.Add(assignment);
        return assignment.Id;
    }
}

internal sealed class AssignFocalOfficialEndpoint(IMediator mediator) : CreatedEndpoint<AssignFocalOfficial, FocalOfficialsResponse>(mediator)
{
    public override void Configure()
    {
        Post(AssignFocalOfficial.Route);
        Policies(Permission.OfficialsManage);
        Summary(s =>
        {
            s.Summary = "Assign the focal official of an upper-level union (ends the previous assignment)";
            s.Response<FocalOfficialsResponse>(201, "The new current focal official and the history.");
        });
    }

    protected override IQuery<FocalOfficialsResponse> ReadBack(AssignFocalOfficial command, Guid id) => new GetFocalOfficials { Id = command.Id };
    protected override string Location(AssignFocalOfficial command, Guid id) => GetFocalOfficials.For(command.Id);
}

public sealed record FocalCoverageItem(Guid UnitId, string UnitCode, string UnitName, UnitKind Kind, Guid? OfficialId, string? OfficialName, DateOnly? Since);

public sealed record FocalCoverageResponse(int Total, int Covered, decimal Share, IReadOnlyList<FocalCoverageItem> Items);

/// <summary>
/// The plan indicator "share of upper-level unions with an active focal official" over the caller's scope (or a
/// unit's subtree), with the unions still without one listed first.
/// </summary>
public sealed record GetFocalCoverage : IQuery<FocalCoverageResponse>
{
    public const string Route = "/api/v1/organization/focal-officials/coverage";
    /// <summary>Only this unit and the units below it.</summary>
    public Guid? Within { get; init; }
}

internal sealed class GetFocalCoverageHandler(OrganizationDbContext db) : IQueryHandler<GetFocalCoverage, FocalCoverageResponse>
{
    private static readonly UnitKind[] UpperLevel = Enum.GetValues<UnitKind>().Where(UnitKindRules.IsUpperLevel).ToArray();

    public async ValueTask<FocalCoverageResponse> Handle(GetFocalCoverage query, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking().Where(u => UpperLevel.Contains(u.Kind));
        if (query.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            units = units.WhereUnder(u => u.Path, path);
        }
        var rows = await units
            .Select(u => new
            {
                u.Id, u.Code, u.Name, u.Kind,
                Active = db.FocalAssignments.Where(a => a.UnitId == u.Id && a.EndedOn == null)
                    .Select(a => new { a.OfficialId, a.Official!.FullName, a.StartedOn }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows
            .Select(r => new FocalCoverageItem(r.Id, r.Code, r.Name, r.Kind, r.Active?.OfficialId, r.Active?.FullName, r.Active?.StartedOn))
            .OrderBy(i => i.OfficialId is not null).ThenBy(i => i.Kind).ThenBy(i => i.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();
        var covered = items.Count(i => i.OfficialId is not null);
        var share = items.Count == 0 ? 0m : Math.Round((decimal)covered / items.Count, 4);
        return new FocalCoverageResponse(items.Count, covered, share, items);
    }
}

internal sealed class GetFocalCoverageEndpoint(IMediator mediator) : Endpoint<GetFocalCoverage, FocalCoverageResponse>
{
    public override void Configure()
    {
        Get(GetFocalCoverage.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Upper-level unions with and without a focal official (plan indicator)");
    }

    public override async Task HandleAsync(GetFocalCoverage req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
