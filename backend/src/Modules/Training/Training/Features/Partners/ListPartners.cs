using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>The partner agencies: every one for union users, only their own for a partner's staff.</summary>
public sealed class ListPartners : IQuery<PagedResult<PartnerListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/training/partners";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default) or agreementValidUntil; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the name, contact or agreement number (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class ListPartnersValidator : AbstractValidator<ListPartners>
{
    public ListPartnersValidator() => this.AddPagingRules("name", "agreementValidUntil");
}

internal sealed class ListPartnersHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListPartners, PagedResult<PartnerListItem>>
{
    public async ValueTask<PagedResult<PartnerListItem>> Handle(ListPartners query, CancellationToken ct)
    {
        var partners = db.Partners.AsNoTracking();
        if (access.IsPartnerOnly)
        {
            var mine = await access.MyPartnerIdAsync(ct);
            partners = partners.Where(p => p.Id == mine);
        }
        partners = partners.WhereMatches(query.Q, p => p.SearchText);
        var desc = query.Descending();
        partners = query.SortField() switch
        {
            "agreementvaliduntil" => desc ? partners.OrderByDescending(p => p.AgreementValidUntil) : partners.OrderBy(p => p.AgreementValidUntil),
            _ => desc ? partners.OrderByDescending(p => p.Name) : partners.OrderBy(p => p.Name),
        };
        return await partners
            .Select(p => new PartnerListItem(p.Id, p.Name, p.Kind, p.ContactName, p.AgreementNumber, p.AgreementValidUntil,
                p.Members.Count, db.Courses.Count(c => c.PartnerId == p.Id)))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListPartnersEndpoint(IMediator mediator) : Endpoint<ListPartners, PagedResult<PartnerListItem>>
{
    public override void Configure()
    {
        Get(ListPartners.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Search the partner agencies (a partner's staff see their own agency only)");
    }

    public override async Task HandleAsync(ListPartners req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
