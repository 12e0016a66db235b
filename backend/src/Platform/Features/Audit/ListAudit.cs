using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Audit;

/// <summary>
/// The audit trail of a record, newest first. Each module keeps its trail in its own schema (written in the same
/// transaction as the change); this reads them all, within the caller's scope.
/// </summary>
public sealed class ListAudit : AuditFilter, IQuery<PagedResult<AuditEntryView>>, IPagedQuery
{
    public const string Route = "/api/v1/audit";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>Not used: filter by entity instead.</summary>
    public string? Q { get; init; }
}

/// <summary>What the audit browser filters on: the list and its export take the same filters, read by <see cref="AuditTrail"/>.</summary>
public abstract class AuditFilter
{
    /// <summary>e.g. UnionUnit, UserGrant.</summary>
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    /// <summary>The actor's e-mail (a person's, or an integrator client's service account), exactly.</summary>
    public string? Actor { get; init; }
    /// <summary>A module's schema: platform, organization, training, participation, finance.</summary>
    public string? Module { get; init; }
    /// <summary>From this moment (inclusive).</summary>
    public DateTime? From { get; init; }
    /// <summary>Before this moment (exclusive).</summary>
    public DateTime? To { get; init; }
    /// <summary>Only "occurredAt" (newest first by default; "occurredAt" for oldest first).</summary>
    public string? Sort { get; init; }
}

public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditEntryView(Guid Id, DateTime OccurredAt, Guid? UserId, string? UserEmail, Guid? UnitId,
    string Module, string EntityType, string EntityId, string Action, IReadOnlyList<AuditChange> Changes);

internal sealed class ListAuditValidator : AbstractValidator<ListAudit>
{
    public ListAuditValidator()
    {
        this.AddPagingRules("occurredAt");
        this.AddAuditFilterRules();
    }
}

internal static class AuditFilterRules
{
    /// <summary>The filters' lengths, for the list and the export alike.</summary>
    public static void AddAuditFilterRules<T>(this AbstractValidator<T> validator) where T : AuditFilter
    {
        validator.RuleFor(x => x.EntityType).MaximumLength(100);
        validator.RuleFor(x => x.EntityId).MaximumLength(100);
        validator.RuleFor(x => x.Actor).MaximumLength(256);
        validator.RuleFor(x => x.Module).MaximumLength(50);
    }
}

internal sealed class ListAuditHandler(IEnumerable<IModuleDbContext> modules, AccessContext access) : IQueryHandler<ListAudit, PagedResult<AuditEntryView>>
{
    public async ValueTask<PagedResult<AuditEntryView>> Handle(ListAudit query, CancellationToken ct)
    {
        var (items, total) = await AuditTrail.ReadAsync(modules, access, query, (query.Page - 1) * query.PageSize, query.PageSize, ct);
        return new PagedResult<AuditEntryView>(items, query.Page, query.PageSize, total);
    }
}

/// <summary>The one reading of the audit trail (the list and its export): the filters, the caller's scope, the order.</summary>
internal static class AuditTrail
{
    public static async Task<(IReadOnlyList<AuditEntryView> Items, int Total)> ReadAsync(IEnumerable<IModuleDbContext> modules, AccessContext access,
        AuditFilter query, int skip, int count, CancellationToken ct)
    {
        var take = skip + count;
        var oldestFirst = query.Sort == "occurredAt";
        var all = new List<(string Module, AuditEntry Entry)>();
        var total = 0;
        var fromUtc = query.From?.ToUniversalTime();
        var toUtc = query.To?.ToUniversalTime();
        foreach (var module in modules)
        {
            var entries = ((DbContext)module).Set<AuditEntry>().AsNoTracking();
            // Module contexts filter by scope already (access_scopes); the platform context has no unit-owned filter.
            if (module is not ModuleDbContext) entries = entries.VisibleAudit(access);
            if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
            if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId);
            if (!string.IsNullOrWhiteSpace(query.Module) && !string.Equals(query.Module, module.Schema, StringComparison.OrdinalIgnoreCase)) continue;
            if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.UserEmail == query.Actor.Trim());
            if (fromUtc is { } from) entries = entries.Where(e => e.OccurredAtUtc >= from);
            if (toUtc is { } to) entries = entries.Where(e => e.OccurredAtUtc < to);
            total += await entries.CountAsync(ct);
            var ordered = oldestFirst ? entries.OrderBy(e => e.OccurredAtUtc) : entries.OrderByDescending(e => e.OccurredAtUtc);
            all.AddRange((await ordered.Take(take).ToListAsync(ct)).Select(e => (module.Schema, e)));
        }
        var merged = oldestFirst ? all.OrderBy(x => x.Entry.OccurredAtUtc) : all.OrderByDescending(x => x.Entry.OccurredAtUtc);
        // Projected by hand: the entries of every module's trail, merged, their changes read from JSON.
        var items = merged.Skip(skip).Take(count)
            .Select(x => new AuditEntryView(x.Entry.Id, x.Entry.OccurredAtUtc, x.Entry.UserId, x.Entry.UserEmail, x.Entry.UnitId, x.Module,
                x.Entry.EntityType, x.Entry.EntityId, x.Entry.Action,
                JsonSerializer.Deserialize<List<AuditChange>>(x.Entry.Changes, JsonSerializerOptions.Web) ?? []))
            .ToList();
        return (items, total);
    }
}

internal sealed class ListAuditEndpoint(IMediator mediator) : Endpoint<ListAudit, PagedResult<AuditEntryView>>
{
    public override void Configure()
    {
        Get(ListAudit.Route);
        Policies(Permission.AuditRead);
        Summary(s => s.Summary = "The audit trail (of a record, an actor, a module or a period), in the caller's scope");
    }

    public override async Task HandleAsync(ListAudit req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
