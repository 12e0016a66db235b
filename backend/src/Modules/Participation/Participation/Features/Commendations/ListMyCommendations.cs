using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>"Khen thưởng của tôi": the commendations awarded to the caller (matched by their e-mail, as the nominee was recorded), newest first.</summary>
public sealed class ListMyCommendations : IQuery<PagedResult<CommendationHistoryItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/commendations/mine";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>Always the newest decision first.</summary>
    public string? Sort { get; init; }
    public string? Q { get; init; }
    public int? Year { get; init; }
}

internal sealed class ListMyCommendationsValidator : AbstractValidator<ListMyCommendations>
{
    public ListMyCommendationsValidator() => this.AddPagingRules("decisionDate");
}

internal sealed class ListMyCommendationsHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator)
    : IQueryHandler<ListMyCommendations, PagedResult<CommendationHistoryItem>>
{
    public async ValueTask<PagedResult<CommendationHistoryItem>> Handle(ListMyCommendations query, CancellationToken ct)
    {
        var email = access.MyEmail;
        if (email is null) return new PagedResult<CommendationHistoryItem>([], 1, query.PageSize, 0);
        return await CommendationHistory.PageAsync(db, mediator, n => n.Where(x => x.Email == email), query.Year, null, query, ct);
    }
}

internal sealed class ListMyCommendationsEndpoint(IMediator mediator) : Endpoint<ListMyCommendations, PagedResult<CommendationHistoryItem>>
{
    public override void Configure()
    {
        Get(ListMyCommendations.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the commendations awarded to the signed-in person");
    }

    public override async Task HandleAsync(ListMyCommendations req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
