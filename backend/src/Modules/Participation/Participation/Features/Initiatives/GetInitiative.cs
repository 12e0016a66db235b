using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Microsoft.EntityFrameworkCore;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>One initiative with its authors, the condition checks and the remuneration table; 404 outside the caller's reach.</summary>
public sealed record GetInitiative : IQuery<InitiativeDetail>
{
    public const string Route = "/api/v1/participation/initiatives/{id}";
    public static string For(Guid id) => $"/api/v1/participation/initiatives/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetInitiativeHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock) : IQueryHandler<GetInitiative, InitiativeDetail>
{
    public async ValueTask<InitiativeDetail> Handle(GetInitiative query, CancellationToken ct)
    {
        var i = await access.FindAsync(query.Id, ct, tracked: false);
        var unit = (await mediator.Send(new GetUnitSummaries([i.UnitId]), ct)).FirstOrDefault();
        var conditions = Enum.GetValues<RecognitionCondition>().Select(c =>
        {
            var check = i.Conditions.FirstOrDefault(x => x.Condition == c);
            return new ConditionCheckView(c, InitiativeViews.LegalBasisOf(c), check?.Met, check?.Note, check?.RecordedBy, check?.RecordedAtUtc);
        }).ToList();
        var editable = i.Status == InitiativeStatus.Draft;
        var council = await db.Councils.IgnoreQueryFilters().AsNoTracking().Where(c => c.Items.Any(x => x.ItemId == i.Id)).OrderByDescending(c => c.FormedAtUtc)
            .Select(c => new InitiativeCouncilRef(c.Id, c.Name, c.Status, c.Items.First(x => x.ItemId == i.Id).Outcome, c.FormedAtUtc)).FirstOrDefaultAsync(ct);
        // Read past the scope filter: the initiative itself is authorised above (a council member outside the unit reads it too).
        var attachments = await db.InitiativeAttachments.IgnoreQueryFilters().AsNoTracking().Where(a => a.InitiativeId == i.Id)
            .OrderBy(a => a.CreatedAtUtc)
            .Select(a => new InitiativeAttachmentView(a.Id, a.File.FileName, a.File.ContentType, a.File.Size, a.File.UploadedBy, a.File.UploadedAtUtc))
            .ToListAsync(ct);
        var fileMoves = i.AllowedMoves.Contains(InitiativeStatus.Submitted) || i.AllowedMoves.Contains(InitiativeStatus.Withdrawn);
        return new InitiativeDetail(i.Id, i.UnitId, unit?.Name ?? "", i.Title, i.Field, i.Kind, i.Problem, i.CurrentState, i.Solution,
            i.AppliedAt, i.AppliedSince, i.TrialApplication, i.YearlyBenefit, i.SocialBenefit, i.FirstApplicationParticipants, i.NoveltyDeclared,
            i.Authors.OrderBy(a => a.Order).Select(a => new InitiativeAuthorView(a.FullName, a.Email, a.Position, a.SharePercent)).ToList(),
            i.Status, i.AllowedMoves, i.FiledByName, i.SubmittedAtUtc, i.CertificateNumber, i.DecisionDate, i.RefusalReasons, i.DecidedBy,
            i.WithdrawalReason, conditions, i.RemunerationAsOf(VietnamTime.Today(clock)).ToView(i.RecordedRules is not null), attachments,
            editable && access.MayFile(i), fileMoves && access.MayFile(i), access.MayDecide(i) && i.Status != InitiativeStatus.UnderReview,
            i.Version, i.CreatedAtUtc, i.UpdatedAtUtc, council);
    }
}

internal sealed class GetInitiativeEndpoint(IMediator mediator) : Endpoint<GetInitiative, InitiativeDetail>
{
    public override void Configure()
    {
        Get(GetInitiative.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get an initiative with its authors, recognition conditions and author remuneration");
    }

    public override async Task HandleAsync(GetInitiative req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
