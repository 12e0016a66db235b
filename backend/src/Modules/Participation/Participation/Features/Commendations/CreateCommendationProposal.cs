using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// Drafts a proposal for a commendation: the proposing unit, the form, the year, the achievements and the nominees
/// (officials or units of the unit's subtree, picked; a recognised initiative may be linked to each). 403 without the
/// propose permission over the unit; 409 <c>nominee_out_of_scope</c>, <c>nominee_kind</c>, <c>evidence_not_recognised</c>.
/// </summary>
public sealed record CreateCommendationProposal : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/proposals";
    public Guid UnitId { get; init; }
    public int Year { get; init; }
    public string FormCode { get; init; } = "";
    public string Achievements { get; init; } = "";
    public IReadOnlyList<NomineeInput> Nominees { get; init; } = [];
}

internal sealed class CreateCommendationProposalValidator : AbstractValidator<CreateCommendationProposal>
{
    public CreateCommendationProposalValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.FormCode).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Achievements).NotEmpty().MaximumLength(8000);
        RuleFor(x => x.Nominees).NotEmpty().Must(n => n.Count <= 200);
        RuleForEach(x => x.Nominees).Must(n => (n.OfficialId is null) != (n.UnitId is null))
            .WithMessage("Pick either a person or a unit.", "Chọn một người hoặc một tập thể.");
        RuleFor(x => x.Nominees).Must(n => n.Select(x => x.OfficialId ?? x.UnitId).Distinct().Count() == n.Count)
            .WithMessage("Each nominee once.", "Mỗi người, tập thể chỉ đề nghị một lần.");
    }
}

internal sealed class CreateCommendationProposalHandler(ParticipationDbContext db, ParticipationAccess access, CommendationFacts facts)
    : Mediator.ICommandHandler<CreateCommendationProposal, Guid>
{
    public async ValueTask<Guid> Handle(CreateCommendationProposal command, CancellationToken ct)
    {
        db.Access.Demand(Permission.CommendationsPropose, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var nominees = await facts.ResolveAsync(command.UnitId, command.FormCode, command.Nominees, ct);
        var proposal = CommendationProposal.Draft(command.UnitId, command.Year, command.FormCode, command.Achievements, nominees, access.Actor, db.Access.Email);
        db.CommendationProposals.Add(proposal);
        return proposal.Id;
    }
}

internal sealed class CreateCommendationProposalEndpoint(IMediator mediator) : CreatedEndpoint<CreateCommendationProposal, ProposalDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateCommendationProposal.Route);
        Policies(Permission.CommendationsPropose);
        Summary(s =>
        {
            s.Summary = "Draft a commendation proposal (honours Idempotency-Key; 409 nominee_out_of_scope, nominee_kind, evidence_not_recognised)";
            s.Response<ProposalDetail>(201, "The draft proposal.");
        });
    }

    protected override IQuery<ProposalDetail> ReadBack(CreateCommendationProposal command, Guid id) => new GetCommendationProposal { Id = id };

    protected override string Location(CreateCommendationProposal command, Guid id) => GetCommendationProposal.For(id);
}
