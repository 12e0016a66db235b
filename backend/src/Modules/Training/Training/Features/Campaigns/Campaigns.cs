using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>
/// Who reads and changes a campaign. The organising unit's scope reads it (the scope filter), and the units below
/// read the campaigns of the units above them that they take part in (a district reads the province's campaign it
/// joined); partner agencies' staff do not see campaigns. Changes need <see cref="Permission.CampaignsManage"/>
/// over the organising unit.
/// </summary>
internal sealed class CampaignVisibility(TrainingDbContext db, TrainingAccess training)
{
    public AccessContext Access => db.Access;

    public IQueryable<Campaign> Readable()
    {
        if (training.IsPartnerOnly) return db.Campaigns.Where(_ => false);
        if (Access.Unrestricted) return db.Campaigns;
        var visible = Access.VisibleUnitIds;
        var above = Access.AncestorUnitIds;
        return db.Campaigns.IgnoreQueryFilters().Where(c => visible.Contains(c.UnitId)
            || (above.Contains(c.UnitId) && c.Participants.Any(p => visible.Contains(p.UnitId))));
    }

    /// <summary>A readable campaign with its participants, else 404.</summary>
    public async Task<Campaign> FindAsync(Guid id, CancellationToken ct) =>
        await Readable().Include(c => c.Participants).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Campaign", "đợt tuyên truyền"), id);

    /// <summary>A readable campaign the caller may change: 404 when hidden, 403 without the right over the organiser.</summary>
    public async Task<Campaign> ForChangeAsync(Guid id, CancellationToken ct)
    {
        var campaign = await FindAsync(id, ct);
        if (!Access.Can(Permission.CampaignsManage, campaign.UnitId)) throw new ForbiddenException();
        return campaign;
    }

    /// <summary>
    /// The participating units must exist below (or be) the organising unit and lie in the caller's scope; any
    /// other id is refused the same way whether it exists or not.
    /// </summary>
    public async Task EnsureParticipantsAsync(IMediator mediator, Guid organiserId, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        if (unitIds.Count == 0) return;
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(organiserId), ct)).Select(u => u.UnitId).ToHashSet();
        var refused = unitIds.Where(id => !subtree.Contains(id) || !Access.CanSee(id)).Distinct().ToList();
        if (refused.Count > 0)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["participatingUnitIds"] = [.. refused.Select(id => Localized.Text($"Unit {id} is not a unit of the organiser in your scope.",
                    $"Đơn vị {id} không thuộc đơn vị tổ chức trong phạm vi của bạn."))],
            });
    }

    /// <summary>Names of units, by id (labels of records already authorised).</summary>
    public static async Task<Dictionary<Guid, UnitSummary>> NamesAsync(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0) return [];
        return (await mediator.Send(new GetUnitSummaries(list), ct)).ToDictionary(u => u.Id);
    }
}

/// <summary>The campaigns the caller reads, searchable without diacritics, by year and status.</summary>
public sealed class ListCampaigns : IQuery<PagedResult<CampaignListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/training/campaigns";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>startsOn (default: newest first) or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the title, goal or audience note (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only campaigns running at some time in this year.</summary>
    public int? Year { get; init; }
    /// <summary>Only campaigns that are, today, upcoming, running or ended.</summary>
    public CampaignStatus? Status { get; init; }
}

internal sealed class ListCampaignsValidator : AbstractValidator<ListCampaigns>
{
    public ListCampaignsValidator()
    {
        this.AddPagingRules("startsOn", "title");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).When(x => x.Year is not null);
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
    }
}

internal sealed class ListCampaignsHandler(CampaignVisibility visibility, IMediator mediator, TimeProvider clock)
    : IQueryHandler<ListCampaigns, PagedResult<CampaignListItem>>
{
    public async ValueTask<PagedResult<CampaignListItem>> Handle(ListCampaigns query, CancellationToken ct)
    {
        var campaigns = visibility.Readable().AsNoTracking().WhereMatches(query.Q, c => c.SearchText);
        if (query.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            campaigns = campaigns.Where(c => c.StartsOn <= last && c.EndsOn >= first);
        }
        var today = VietnamTime.Today(clock);
        campaigns = query.Status switch
        {
            CampaignStatus.Upcoming => campaigns.Where(c => c.StartsOn > today),
            CampaignStatus.Running => campaigns.Where(c => c.StartsOn <= today && c.EndsOn >= today),
            CampaignStatus.Ended => campaigns.Where(c => c.EndsOn < today),
            _ => campaigns,
        };
        var desc = query.Descending();
        campaigns = query.SortField() switch
        {
            "title" => desc ? campaigns.OrderByDescending(c => c.Title) : campaigns.OrderBy(c => c.Title),
            "startson" when !desc => campaigns.OrderBy(c => c.StartsOn).ThenBy(c => c.Title),
            _ => campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title),
        };
        var page = await campaigns
            .Select(c => new { c.Id, c.Title, c.UnitId, c.StartsOn, c.EndsOn, c.Channels, Participants = c.Participants.Count })
            .ToPageAsync(query, ct);
        var names = await CampaignVisibility.NamesAsync(mediator, page.Items.Select(c => c.UnitId), ct);
        var items = page.Items.Select(c => new CampaignListItem(c.Id, c.Title, c.UnitId, names.GetValueOrDefault(c.UnitId)?.Name ?? "",
            c.StartsOn, c.EndsOn, Campaign.StatusOf(c.StartsOn, c.EndsOn, today), Campaign.Parse<CampaignChannel>(c.Channels), c.Participants)).ToList();
        return new PagedResult<CampaignListItem>(items, page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListCampaignsEndpoint(IMediator mediator) : Endpoint<ListCampaigns, PagedResult<CampaignListItem>>
{
    public override void Configure()
    {
        Get(ListCampaigns.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Search the awareness campaigns the caller's units run or take part in");
    }

    public override async Task HandleAsync(ListCampaigns req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>One campaign with its participants, materials and the reach reports the caller sees; 404 outside scope.</summary>
public sealed record GetCampaign : IQuery<CampaignDetail>
{
    public const string Route = "/api/v1/training/campaigns/{id}";
    public static string For(Guid id) => $"/api/v1/training/campaigns/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetCampaignHandler(CampaignVisibility visibility, TrainingDbContext db, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetCampaign, CampaignDetail>
{
    public async ValueTask<CampaignDetail> Handle(GetCampaign query, CancellationToken ct)
    {
        var c = await visibility.Readable().AsNoTracking().Include(x => x.Participants).Include(x => x.Materials)
                    .FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException(Localized.Text("Campaign", "đợt tuyên truyền"), query.Id);
        // The scope filter shows the reports of the caller's own units (the organiser's scope sees all of them).
        var reports = await db.ReachReports.AsNoTracking().Where(r => r.CampaignId == c.Id)
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter).ToListAsync(ct);
        var names = await CampaignVisibility.NamesAsync(mediator, c.Participants.Select(p => p.UnitId).Append(c.UnitId), ct);
        string NameOf(Guid id) => names.GetValueOrDefault(id)?.Name ?? "";
        var access = visibility.Access;
        return new CampaignDetail(c.Id, c.UnitId, NameOf(c.UnitId), c.Title, c.Goal, c.StartsOn, c.EndsOn, c.StatusOn(VietnamTime.Today(clock)),
            c.ChannelList, c.AudienceList, c.AudienceNote,
            c.Participants.Select(p => new CampaignUnitView(p.UnitId, names.GetValueOrDefault(p.UnitId)?.Code ?? "", NameOf(p.UnitId)))
                .OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList(),
            c.Materials.OrderBy(m => m.CreatedAtUtc).Select(m => new CampaignMaterialView(m.Id, m.FileName, m.ContentType, m.Size, m.CreatedAtUtc, m.UploadedBy)).ToList(),
            reports.OrderBy(r => NameOf(r.UnitId)).ThenBy(r => r.Period).Select(r => ReachReports.ToView(r, NameOf(r.UnitId))).ToList(),
            access.Can(Permission.CampaignsManage, c.UnitId),
            c.Participants.Select(p => p.UnitId).Where(id => access.Can(Permission.ReachReport, id)).ToList(),
            c.Version, c.CreatedAtUtc, c.UpdatedAtUtc);
    }
}

internal sealed class GetCampaignEndpoint(IMediator mediator) : Endpoint<GetCampaign, CampaignDetail>
{
    public override void Configure()
    {
        Get(GetCampaign.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get a campaign with its participating units, materials and reach reports");
    }

    public override async Task HandleAsync(GetCampaign req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>Starts a campaign organised by a unit in the caller's scope.</summary>
public sealed record CreateCampaign : CampaignFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/campaigns";
    /// <summary>The organising unit.</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreateCampaignValidator : AbstractValidator<CreateCampaign>
{
    public CreateCampaignValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddCampaignRules();
    }
}

internal sealed class CreateCampaignHandler(TrainingDbContext db, CampaignVisibility visibility, IMediator mediator) : Mediator.ICommandHandler<CreateCampaign, Guid>
{
    public async ValueTask<Guid> Handle(CreateCampaign command, CancellationToken ct)
    {
        db.Access.Demand(Permission.CampaignsManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        await visibility.EnsureParticipantsAsync(mediator, command.UnitId, command.ParticipatingUnitIds, ct);
        var campaign = Campaign.Create(command.UnitId, command.ToDetails(), command.ParticipatingUnitIds);
        db.Campaigns.Add(campaign);
        return campaign.Id;
    }
}

internal sealed class CreateCampaignEndpoint(IMediator mediator) : Endpoint<CreateCampaign, CampaignDetail>
{
    public override void Configure()
    {
        Post(CreateCampaign.Route);
        Policies(Permission.CampaignsManage);
        Summary(s =>
        {
            s.Summary = "Start an awareness campaign (honours Idempotency-Key)";
            s.Response<CampaignDetail>(201, "The campaign.");
        });
    }

    public override async Task HandleAsync(CreateCampaign req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = GetCampaign.For(id);
        await Send.ResponseAsync(await mediator.Send(new GetCampaign { Id = id }, ct), StatusCodes.Status201Created, ct);
    }
}

/// <summary>Changes a campaign; needs If-Match with the ETag of the last read. A unit that reported reach stays in it.</summary>
public sealed record UpdateCampaign : CampaignFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/campaigns/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateCampaignValidator : AbstractValidator<UpdateCampaign>
{
    public UpdateCampaignValidator() => this.AddCampaignRules();
}

internal sealed class UpdateCampaignHandler(TrainingDbContext db, CampaignVisibility visibility, IMediator mediator) : Mediator.ICommandHandler<UpdateCampaign, Guid>
{
    public async ValueTask<Guid> Handle(UpdateCampaign command, CancellationToken ct)
    {
        var campaign = await visibility.ForChangeAsync(command.Id, ct);
        ETags.GuardUpdate(db, campaign, command.IfMatch);
        await visibility.EnsureParticipantsAsync(mediator, campaign.UnitId, command.ParticipatingUnitIds, ct);
        var reports = await db.ReachReports.IgnoreQueryFilters().Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.UnitId, r.Year, r.Quarter }).ToListAsync(ct);
        var outside = reports.Where(r => new ReachPeriod(r.Year, r.Quarter) is var p && (p.EndsOn < command.StartsOn || p.StartsOn > command.EndsOn)).ToList();
        if (outside.Count > 0)
            throw new BusinessRuleException("reports_outside_period",
                Localized.Text("Reach has been reported for quarters the new period leaves out.", "Đã có báo cáo kết quả cho các quý nằm ngoài thời gian mới."),
                new Dictionary<string, string[]>
                {
                    ["startsOn"] = [Localized.Text("Keep the quarters already reported inside the period.", "Thời gian mới phải bao gồm các quý đã báo cáo.")],
                });
        var reporting = reports.Select(r => r.UnitId).ToHashSet();
        campaign.Update(command.ToDetails(), command.ParticipatingUnitIds, reporting.Contains);
        // A change of participants only touches their rows: mark the campaign changed too, so its version (the ETag) moves.
        db.Entry(campaign).State = EntityState.Modified;
        return campaign.Id;
    }
}

internal sealed class UpdateCampaignEndpoint(IMediator mediator) : Endpoint<UpdateCampaign, CampaignDetail>
{
    public override void Configure()
    {
        Put(UpdateCampaign.Route);
        Policies(Permission.CampaignsManage);
        Summary(s => s.Summary = "Update a campaign (If-Match required; 412 when stale)");
    }

    public override async Task HandleAsync(UpdateCampaign req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetCampaign { Id = id }, ct), ct);
    }
}
