using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
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

namespace Khcn.Organization.Features.Labour;

/// <summary>The checks every change of an enterprise shares (scope, rights, the covering grassroots union, the unique tax code).</summary>
internal static class EnterpriseChecks
{
    /// <summary>The enterprise with its figures, for a change: 404 outside the caller's scope, 403 without the labour right over its unit.</summary>
    public static async Task<Enterprise> ForChangeAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.Include(e => e.Figures).FirstOrDefaultAsync(e => e.Id == id, ct)
                         ?? throw new NotFoundException(Localized.Text("Enterprise", "doanh nghiệp"), id);
        db.Access.Demand(Permission.LabourManage, enterprise.UnitId, Localized.Text("Enterprise", "doanh nghiệp"), id);
        return enterprise;
    }

    /// <summary>The grassroots union must be a grassroots unit inside the keeping unit's subtree (422 otherwise).</summary>
    public static async Task EnsureGrassrootsFitsAsync(OrganizationDbContext db, Guid keepingUnitId, Guid? grassrootsUnitId, CancellationToken ct)
    {
        if (grassrootsUnitId is not { } id) return;
        if (!await GrassrootsFitsAsync(db, keepingUnitId, id, ct))
        {
            var choose = Localized.Text("Choose a grassroots union inside the keeping unit's subtree.",
                "Chọn một công đoàn cơ sở thuộc đơn vị quản lý doanh nghiệp.");
            throw new ApiProblemException(422, "grassroots_outside_unit",
                Localized.Text("The grassroots union does not fit.", "Công đoàn cơ sở không phù hợp."), choose,
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["grassrootsUnitId"] = [choose] } });
        }
    }

    public static async Task<bool> GrassrootsFitsAsync(OrganizationDbContext db, Guid keepingUnitId, Guid grassrootsUnitId, CancellationToken ct)
    {
        var keepingPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == keepingUnitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        return keepingPath is not null && await db.Units.IgnoreQueryFilters()
            .WhereUnder(u => u.Path, keepingPath)
            .AnyAsync(u => u.Id == grassrootsUnitId && u.Kind == UnitKind.Grassroots, ct);
    }

    /// <summary>409 when another enterprise has the tax code; it is named only when the caller may see it.</summary>
    public static async Task EnsureTaxCodeFreeAsync(OrganizationDbContext db, string taxCode, Guid? self, CancellationToken ct)
    {
        var code = LabourRules.NormaliseTaxCode(taxCode);
        var existing = await db.Enterprises.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.TaxCode == code && e.Id != self).Select(e => new { e.Id, e.Name, e.UnitId }).FirstOrDefaultAsync(ct);
        if (existing is null) return;
        var named = db.Access.CanSee(existing.UnitId) ? $"'{existing.Name}'"
            : Localized.Text("an enterprise kept by another union unit", "một doanh nghiệp do đơn vị công đoàn khác quản lý");
        throw new BusinessRuleException("tax_code_taken",
            Localized.Text($"The tax code {code} is already registered to {named}.", $"Mã số thuế {code} đã được đăng ký cho {named}."),
            new Dictionary<string, string[]> { ["taxCode"] = [Localized.Text($"Already registered to {named}.", $"Đã được đăng ký cho {named}.")] });
    }
}

/// <summary>Enterprises of the labour database kept by the caller's units, with one year's figures per row if asked.</summary>
public sealed class ListEnterprises : IQuery<PagedResult<EnterpriseListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/enterprises";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default), taxCode, district or workforce (of the year asked); prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the name, tax code or address (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only the enterprises kept by this unit and the units below it.</summary>
    public Guid? Within { get; init; }
    public Ownership? Ownership { get; init; }
    public Sector? Sector { get; init; }
    /// <summary>Exact district, town or city name.</summary>
    public string? District { get; init; }
    /// <summary>Exact industrial zone name.</summary>
    public string? Zone { get; init; }
    /// <summary>The year whose figures each row shows.</summary>
    public int? Year { get; init; }
}

internal sealed class ListEnterprisesValidator : AbstractValidator<ListEnterprises>
{
    public ListEnterprisesValidator()
    {
        this.AddPagingRules("name", "taxCode", "district", "workforce");
        RuleFor(x => x.Year).InclusiveBetween(LabourRules.FirstYear, 2100);
        RuleFor(x => x.District).MaximumLength(100);
        RuleFor(x => x.Zone).MaximumLength(200);
    }
}

internal sealed class ListEnterprisesHandler(OrganizationDbContext db) : IQueryHandler<ListEnterprises, PagedResult<EnterpriseListItem>>
{
    public async ValueTask<PagedResult<EnterpriseListItem>> Handle(ListEnterprises query, CancellationToken ct)
    {
        IQueryable<Enterprise> enterprises = db.Enterprises.AsNoTracking();
        if (query.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            enterprises = enterprises.WhereUnder(e => e.Unit!.Path, path);
        }
        if (query.Ownership is { } ownership) enterprises = enterprises.Where(e => e.Ownership == ownership);
        if (query.Sector is { } sector) enterprises = enterprises.Where(e => e.Sector == sector);
        if (!string.IsNullOrWhiteSpace(query.District)) enterprises = enterprises.Where(e => e.District == query.District.Trim());
        if (!string.IsNullOrWhiteSpace(query.Zone)) enterprises = enterprises.Where(e => e.IndustrialZone == query.Zone.Trim());
        enterprises = enterprises.WhereMatches(query.Q, e => e.SearchText);
        var year = query.Year ?? 0;
        var desc = query.Descending();
        enterprises = query.SortField() switch
        {
            "taxcode" => desc ? enterprises.OrderByDescending(e => e.TaxCode) : enterprises.OrderBy(e => e.TaxCode),
            "district" => desc ? enterprises.OrderByDescending(e => e.District).ThenBy(e => e.Name) : enterprises.OrderBy(e => e.District).ThenBy(e => e.Name),
            "workforce" => desc
                ? enterprises.OrderByDescending(e => e.Figures.Where(f => f.Year == year).Select(f => f.Workforce).FirstOrDefault()).ThenBy(e => e.Name)
                : enterprises.OrderBy(e => e.Figures.Where(f => f.Year == year).Select(f => f.Workforce).FirstOrDefault()).ThenBy(e => e.Name),
            "name" when desc => enterprises.OrderByDescending(e => e.Name),
            _ => enterprises.OrderBy(e => e.Name),
        };
        // No year asked, no figures: the rows carry none, and the query skips reading the yearly figures at all.
        if (query.Year is null)
            return await enterprises
                .Select(e => new EnterpriseListItem(e.Id, e.Name, e.TaxCode, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.UnitId,
                    e.Unit!.Name, e.GrassrootsUnitId, null))
                .ToPageAsync(query, ct);
        return await enterprises
            .Select(e => new EnterpriseListItem(e.Id, e.Name, e.TaxCode, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.UnitId, e.Unit!.Name,
                e.GrassrootsUnitId,
                e.Figures.Where(f => f.Year == year)
                    .Select(f => new YearFiguresView(f.Year, f.Workforce, f.Women, f.UnionMembers, f.AverageMonthlyIncome, f.CbaSigned, f.CbaSignedOn,
                        f.CbaExpiresOn, f.Disputes, f.Stoppages, f.Dialogues, f.Version))
                    .FirstOrDefault()))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListEnterprisesEndpoint(IMediator mediator) : Endpoint<ListEnterprises, PagedResult<EnterpriseListItem>>
{
    public override void Configure()
    {
        Get(ListEnterprises.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Search the enterprises of the labour database");
    }

    public override async Task HandleAsync(ListEnterprises req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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
        var detail = await db.Enterprises.AsNoTracking().Where(e => e.Id == query.Id)
            .Select(e => new EnterpriseDetail(e.Id, e.UnitId, e.Unit!.Name, e.GrassrootsUnitId, null,
                e.Name, e.TaxCode, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.Address,
                e.Figures.OrderByDescending(f => f.Year)
                    .Select(f => new YearFiguresView(f.Year, f.Workforce, f.Women, f.UnionMembers, f.AverageMonthlyIncome, f.CbaSigned, f.CbaSignedOn,
                        f.CbaExpiresOn, f.Disputes, f.Stoppages, f.Dialogues, f.Version)).ToList(),
                e.Version, e.CreatedAtUtc, e.UpdatedAtUtc))
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
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get an enterprise with its yearly labour figures");
    }

    public override async Task HandleAsync(GetEnterprise req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>Adds an enterprise to the labour database, kept by a unit the caller manages labour data for.</summary>
public sealed record CreateEnterprise : EnterpriseFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/enterprises";
    /// <summary>The union unit that keeps the record (usually the district or upper-level union).</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreateEnterpriseValidator : AbstractValidator<CreateEnterprise>
{
    public CreateEnterpriseValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddEnterpriseRules();
    }
}

internal sealed class CreateEnterpriseHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreateEnterprise, Guid>
{
    public async ValueTask<Guid> Handle(CreateEnterprise command, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == command.UnitId, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.UnitId);
        db.Access.Demand(Permission.LabourManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        await EnterpriseChecks.EnsureGrassrootsFitsAsync(db, command.UnitId, command.GrassrootsUnitId, ct);
        await EnterpriseChecks.EnsureTaxCodeFreeAsync(db, command.TaxCode, null, ct);
        var enterprise = Enterprise.Create(command.UnitId, command.ToDetails());
        db.Enterprises.Add(enterprise);
        return enterprise.Id;
    }
}

internal sealed class CreateEnterpriseEndpoint(IMediator mediator) : CreatedEndpoint<CreateEnterprise, EnterpriseDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateEnterprise.Route);
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Add an enterprise to the labour database (honours Idempotency-Key)";
            s.Response<EnterpriseDetail>(201, "The enterprise, added.");
            s.Response(409, "The tax code is already registered (code tax_code_taken).");
            s.Response(422, "The grassroots union is not a grassroots unit inside the keeping unit's subtree.");
        });
    }

    protected override IQuery<EnterpriseDetail> ReadBack(CreateEnterprise command, Guid id) => new GetEnterprise { Id = id };
    protected override string Location(CreateEnterprise command, Guid id) => GetEnterprise.For(id);
}

/// <summary>Corrects an enterprise's data (its keeping unit stays); needs If-Match with the ETag of the last read.</summary>
public sealed record UpdateEnterprise : EnterpriseFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/enterprises/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateEnterpriseValidator : AbstractValidator<UpdateEnterprise>
{
    public UpdateEnterpriseValidator() => this.AddEnterpriseRules();
}

internal sealed class UpdateEnterpriseHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdateEnterprise, Guid>
{
    public async ValueTask<Guid> Handle(UpdateEnterprise command, CancellationToken ct)
    {
        var enterprise = await EnterpriseChecks.ForChangeAsync(db, command.Id, ct);
        Concurrency.GuardUpdate(db, enterprise, command.IfMatch);
        await EnterpriseChecks.EnsureGrassrootsFitsAsync(db, enterprise.UnitId, command.GrassrootsUnitId, ct);
        await EnterpriseChecks.EnsureTaxCodeFreeAsync(db, command.TaxCode, enterprise.Id, ct);
        enterprise.Update(command.ToDetails());
        return enterprise.Id;
    }
}

internal sealed class UpdateEnterpriseEndpoint(IMediator mediator) : Endpoint<UpdateEnterprise, EnterpriseDetail>
{
    public override void Configure()
    {
        Put(UpdateEnterprise.Route);
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Update an enterprise (If-Match required; 412 when stale)";
            s.Response(422, "The grassroots union is not a grassroots unit inside the keeping unit's subtree.");
        });
    }

    public override async Task HandleAsync(UpdateEnterprise req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetEnterprise { Id = id }, ct), ct);
    }
}
