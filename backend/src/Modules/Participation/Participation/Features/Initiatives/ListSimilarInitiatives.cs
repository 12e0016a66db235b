using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// The reviewer's duplicate check (#12): the other applications of the same recognising unit (once submitted, withdrawn
/// ones included; others' drafts stay private) whose title is the same or whose title or problem + solution text is nearly the
/// same, compared without diacritics (<see cref="DuplicateSuspicion"/>), most alike first. 404 outside the caller's
/// reach; 403 for anyone who does not review it (the recognising unit's deciders and the members of its council).
/// </summary>
public sealed record ListSimilarInitiatives : IQuery<IReadOnlyList<SimilarInitiative>>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/similar";
    public Guid Id { get; init; }
}

/// <summary>An application that looks like the one under review: why, and how alike (percent).</summary>
public sealed record SimilarInitiative(Guid Id, string Title, InitiativeStatus Status, string? CertificateNumber, DateTime? SubmittedAt,
    SimilarityReason Reason, int SimilarityPercent);

internal sealed class ListSimilarInitiativesHandler(ParticipationDbContext db, ParticipationAccess access) : IQueryHandler<ListSimilarInitiatives, IReadOnlyList<SimilarInitiative>>
{
    /// <summary>At most this many look-alikes are listed.</summary>
    private const int Limit = 10;

    public async ValueTask<IReadOnlyList<SimilarInitiative>> Handle(ListSimilarInitiatives query, CancellationToken ct)
    {
        var i = await access.FindAsync(query.Id, ct, tracked: false);
        if (!await access.MayReviewAsync(i, ct)) throw new ForbiddenException();
        var me = DuplicateSuspicion.Of(i.Title, i.Problem, i.Solution);
        // The reviewer may sit on a council outside their scope: the unit's applications are read past the scope filter,
        // only their title, state and the text compared leave this handler.
        var others = await db.Initiatives.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.UnitId == i.UnitId && x.Id != i.Id && x.Status != InitiativeStatus.Draft)
            .Select(x => new { x.Id, x.Title, x.Problem, x.Solution, x.Status, x.CertificateNumber, x.SubmittedAtUtc })
            .ToListAsync(ct);
        return others
            .Select(x => (x, Match: DuplicateSuspicion.Compare(me, DuplicateSuspicion.Of(x.Title, x.Problem, x.Solution))))
            .Where(m => m.Match is not null)
            .OrderByDescending(m => m.Match!.Value.Similarity).ThenBy(m => m.x.SubmittedAtUtc)
            .Take(Limit)
            .Select(m => new SimilarInitiative(m.x.Id, m.x.Title, m.x.Status, m.x.CertificateNumber, m.x.SubmittedAtUtc, m.Match!.Value.Reason,
                (int)Math.Round(m.Match.Value.Similarity * 100m, MidpointRounding.AwayFromZero)))
            .ToList();
    }
}

internal sealed class ListSimilarInitiativesEndpoint(IMediator mediator) : Endpoint<ListSimilarInitiatives, IReadOnlyList<SimilarInitiative>>
{
    public override void Configure()
    {
        Get(ListSimilarInitiatives.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the same unit's applications that look like this initiative (same or near-same title or text, without diacritics), for its reviewers");
    }

    public override async Task HandleAsync(ListSimilarInitiatives req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
