using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// Holds an honouring event (lễ tôn vinh): the holding unit (one that decides commendations: 403 otherwise, 404 outside
/// scope), name, date, venue and the decisions it honours, picked among those the unit decided. The honourees are those
/// of the decisions, each given a certificate. 409 <c>decision_not_honourable</c> for a decision not approved by the unit,
/// <c>decision_already_honoured</c> for one honoured at another event (a decision is honoured once — its certificates
/// exist once), <c>honouring_before_decision</c> for a date before a decision.
/// </summary>
public sealed record CreateHonouringEvent : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/honouring-events";
    public Guid UnitId { get; init; }
    public string Name { get; init; } = "";
    public DateOnly HeldOn { get; init; }
    public string Venue { get; init; } = "";
    /// <summary>The approved proposals whose decisions the event honours.</summary>
    public IReadOnlyList<Guid> DecisionIds { get; init; } = [];
}

internal sealed class CreateHonouringEventValidator : AbstractValidator<CreateHonouringEvent>
{
    public CreateHonouringEventValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty().WithMessage("Choose the holding unit.", "Chọn đơn vị tổ chức.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Name the event.", "Nhập tên lễ tôn vinh.").MaximumLength(300);
        RuleFor(x => x.HeldOn).NotEmpty().WithMessage("Choose the date.", "Chọn ngày tổ chức.");
        RuleFor(x => x.Venue).NotEmpty().WithMessage("State the venue.", "Nhập địa điểm tổ chức.").MaximumLength(300);
        RuleFor(x => x.DecisionIds).NotEmpty().WithMessage("Pick at least one decision.", "Chọn ít nhất một quyết định khen thưởng.")
            .Must(d => d.Count <= 200).WithMessage("At most 200 decisions.", "Tối đa 200 quyết định.")
            .Must(d => d.Distinct().Count() == d.Count).WithMessage("Each decision once.", "Mỗi quyết định chỉ chọn một lần.");
    }
}

internal sealed class CreateHonouringEventHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<CreateHonouringEvent, Guid>
{
    public async ValueTask<Guid> Handle(CreateHonouringEvent command, CancellationToken ct)
    {
        db.Access.Demand(Permission.CommendationsDecide, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var decisions = await HonourableDecisions.LoadAsync(db, command.UnitId, command.DecisionIds.ToList(), null, ct);
        var unitName = (await mediator.UnitNamesAsync([command.UnitId], ct)).GetValueOrDefault(command.UnitId, "");
        var e = HonouringEvent.Hold(command.UnitId, unitName, command.Name, command.HeldOn, command.Venue, decisions, PublicLinks.NewVerificationCode, access.Actor,
            clock.GetUtcNow().UtcDateTime);
        db.HonouringEvents.Add(e);
        return e.Id;
    }
}

internal sealed class CreateHonouringEventEndpoint(IMediator mediator) : CreatedEndpoint<CreateHonouringEvent, HonouringEventDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateHonouringEvent.Route);
        Policies(Permission.CommendationsDecide);
        Summary(s =>
        {
            s.Summary = "Hold an honouring event for decided commendation decisions (honours Idempotency-Key; 409 decision_not_honourable, decision_already_honoured, honouring_before_decision)";
            s.Response<HonouringEventDetail>(201, "The event with its honourees and their certificates.");
        });
    }

    protected override IQuery<HonouringEventDetail> ReadBack(CreateHonouringEvent command, Guid id) => new GetHonouringEvent { Id = id };

    protected override string Location(CreateHonouringEvent command, Guid id) => GetHonouringEvent.For(id);
}
