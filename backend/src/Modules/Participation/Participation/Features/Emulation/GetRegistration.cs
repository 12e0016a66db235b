using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>
/// One registration with its criteria, scores, evidence and review, and the units that may review it (the upper unit,
/// the cluster leader); 404 outside the caller's scope (the cluster leader's officers read it too).
/// </summary>
public sealed record GetRegistration : IQuery<RegistrationDetail>
{
    public const string Route = "/api/v1/participation/emulation/registrations/{id}";
    public static string For(Guid id) => $"/api/v1/participation/emulation/registrations/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetRegistrationHandler(ParticipationAccess access, IMediator mediator) : IQueryHandler<GetRegistration, RegistrationDetail>
{
    public async ValueTask<RegistrationDetail> Handle(GetRegistration query, CancellationToken ct)
    {
        var r = await access.RegistrationAsync(query.Id, ct, tracked: false);
        var m = await access.MovementOfAsync(r, ct, tracked: false);
        var unit = (await mediator.Send(new GetUnitSummaries([r.UnitId]), ct)).FirstOrDefault();
        var closed = m.IsClosed(r.Year);
        var reviewers = await access.ReviewersOfAsync(r, unit?.ParentId, ct);
        var names = await mediator.UnitNamesAsync(reviewers.Units, ct);
        var reviewerViews = new[] { (Id: reviewers.UpperUnitId, Role: ReviewerRole.UpperUnit), (Id: reviewers.ClusterLeaderId, Role: ReviewerRole.ClusterLeader) }
            .Where(x => x.Id is not null).Select(x => new RegistrationReviewerView(x.Id!.Value, names.GetValueOrDefault(x.Id.Value, ""), x.Role)).ToList();
        var criteria = m.Criteria.OrderBy(c => c.Order).Select(c =>
        {
            var s = r.Scores.FirstOrDefault(x => x.CriterionId == c.Id);
            return new RegistrationCriterionView(c.Id, c.Order, c.Name, c.MaxPoints, c.Evidence, s?.SelfPoints, s?.SelfNote, s?.ReviewedPoints, s?.ReviewComment, s?.Final,
                r.Evidence.Where(e => e.CriterionId == c.Id).OrderBy(e => e.Order).Select(e => new EvidenceView(e.Kind, e.RecordId, e.Label, e.Url)).ToList());
        }).ToList();
        return new RegistrationDetail(r.Id, m.Id, m.Name, r.UnitId, unit?.Name ?? "", r.Year, r.Deadline, r.RegisteredOn, r.Late, r.Targets, r.AimedTitles,
            r.RegisteredBy, r.Status, r.People.OrderBy(p => p.FullName).Select(p => new RegisteredPersonView(p.OfficialId, p.FullName, p.AimedTitle)).ToList(),
            criteria, r.Total, m.Criteria.Sum(c => c.MaxPoints), r.ReviewedBy, r.ReviewedAtUtc, closed,
            !closed && r.Status != RegistrationStatus.Reviewed && access.MayRegister(r.UnitId),
            !closed && r.Status != RegistrationStatus.Registered && access.MayReview(reviewers), reviewerViews,
            r.Version, r.CreatedAtUtc, r.UpdatedAtUtc);
    }
}

internal sealed class GetRegistrationEndpoint(IMediator mediator) : Endpoint<GetRegistration, RegistrationDetail>
{
    public override void Configure()
    {
        Get(GetRegistration.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get a unit's emulation registration with its scores, evidence and review");
    }

    public override async Task HandleAsync(GetRegistration req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
