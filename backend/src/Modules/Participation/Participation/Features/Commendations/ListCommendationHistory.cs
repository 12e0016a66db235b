using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// The commendation history of a unit — the collectives and the people of its whole subtree, whoever proposed them —
/// or of one person (an official). A unit's history: 404 outside the caller's scope, 403 for a member. A person's: an
/// officer who proposes or decides over the person's unit reads it; anyone else (a member) only their own (404).
/// </summary>
public sealed class ListCommendationHistory : IQuery<PagedResult<CommendationHistoryItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/commendations/history";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>Always the newest decision first.</summary>
    public string? Sort { get; init; }
    public string? Q { get; init; }
    /// <summary>The unit whose subtree's commendations are listed (or <see cref="OfficialId"/>).</summary>
    public Guid? UnitId { get; init; }
    /// <summary>The person whose commendations are listed (or <see cref="UnitId"/>).</summary>
    public Guid? OfficialId { get; init; }
    public int? Year { get; init; }
    public string? FormCode { get; init; }
}

internal sealed class ListCommendationHistoryValidator : AbstractValidator<ListCommendationHistory>
{
    public ListCommendationHistoryValidator()
    {
        this.AddPagingRules("decisionDate");
        RuleFor(x => x).Must(x => (x.UnitId is null) != (x.OfficialId is null)).WithName("unitId")
            .WithMessage("Give either a unit or a person.", "Chọn một đơn vị hoặc một người.");
    }
}

internal sealed class ListCommendationHistoryHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator)
    : IQueryHandler<ListCommendationHistory, PagedResult<CommendationHistoryItem>>
{
    public async ValueTask<PagedResult<CommendationHistoryItem>> Handle(ListCommendationHistory query, CancellationToken ct)
    {
        if (query.OfficialId is { } officialId)
        {
            var official = (await mediator.Send(new GetOfficialsForNomination([officialId]), ct)).FirstOrDefault();
            var mine = official?.Email is { } email && access.MyEmail == email.Trim().ToLowerInvariant();
            if (official is null || !(mine || (access.Access.CanSee(official.UnitId) && access.MayReadCommendationsOf(official.UnitId))))
                throw new NotFoundException(Localized.Text("Official", "cán bộ"), officialId);
            return await CommendationHistory.PageAsync(db, mediator, n => n.Where(x => x.OfficialId == officialId), query.Year, query.FormCode, query, ct);
        }
        var unitId = query.UnitId!.Value;
        if (!access.Access.CanSee(unitId)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
        if (!access.MayReadCommendationsOf(unitId)) throw new ForbiddenException();
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).ToList();
        var people = (await mediator.Send(new GetOfficialsOfUnits(subtree), ct)).Select(o => o.Id).ToList();
        return await CommendationHistory.PageAsync(db, mediator,
            n => n.Where(x => (x.NomineeUnitId != null && subtree.Contains(x.NomineeUnitId.Value)) || (x.OfficialId != null && people.Contains(x.OfficialId.Value))),
            query.Year, query.FormCode, query, ct);
    }
}

internal sealed class ListCommendationHistoryEndpoint(IMediator mediator) : Endpoint<ListCommendationHistory, PagedResult<CommendationHistoryItem>>
{
    public override void Configure()
    {
        Get(ListCommendationHistory.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the commendations received by a unit's subtree or by one person (newest decision first)");
    }

    public override async Task HandleAsync(ListCommendationHistory req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
