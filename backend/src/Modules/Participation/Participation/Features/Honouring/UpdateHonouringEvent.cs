using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// The holding unit renames, reschedules or moves an honouring event before its day (If-Match with the event's ETag:
/// 428 missing, 412 stale; audited). 409 <c>honouring_event_held</c> from its day on (its certificates are handed out:
/// revoke a wrong one instead), <c>honouring_before_decision</c> for a date before a decision it honours. With
/// <c>DecisionIds</c> the decisions it honours change too, before its day only (a left-out decision takes its certificates
/// with it, an added one brings one per honouree; 409 <c>decision_not_honourable</c>, <c>decision_already_honoured</c> as
/// when held); without, they stay. 403 without the decide permission over the unit, 404 outside scope.
/// </summary>
public sealed record UpdateHonouringEvent : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/honouring-events/{id}";
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public DateOnly HeldOn { get; init; }
    public string Venue { get; init; } = "";
    /// <summary>When given, the approved proposals whose decisions the event honours from now on (at least one); when null, they stay.</summary>
    public IReadOnlyList<Guid>? DecisionIds { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateHonouringEventValidator : AbstractValidator<UpdateHonouringEvent>
{
    public UpdateHonouringEventValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Name the event.", "Nhập tên lễ tôn vinh.").MaximumLength(300);
        RuleFor(x => x.HeldOn).NotEmpty().WithMessage("Choose the date.", "Chọn ngày tổ chức.");
        RuleFor(x => x.Venue).NotEmpty().WithMessage("State the venue.", "Nhập địa điểm tổ chức.").MaximumLength(300);
        RuleFor(x => x.DecisionIds!).NotEmpty().WithMessage("Pick at least one decision.", "Chọn ít nhất một quyết định khen thưởng.")
            .Must(d => d.Count <= 200).WithMessage("At most 200 decisions.", "Tối đa 200 quyết định.")
            .Must(d => d.Distinct().Count() == d.Count).WithMessage("Each decision once.", "Mỗi quyết định chỉ chọn một lần.")
            .When(x => x.DecisionIds is not null);
    }
}

internal sealed class UpdateHonouringEventHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<UpdateHonouringEvent, Guid>
{
    public async ValueTask<Guid> Handle(UpdateHonouringEvent command, CancellationToken ct)
    {
        var e = await access.HonouringEventForChangeAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, e, command.IfMatch);
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        e.Revise(command.Name, command.HeldOn, command.Venue, today, now);
        if (command.DecisionIds is { } ids)
            e.ReviseDecisions(await HonourableDecisions.LoadAsync(db, e.UnitId, ids.ToList(), e.Id, ct), PublicLinks.NewVerificationCode, today, now);
        return e.Id;
    }
}

internal sealed class UpdateHonouringEventEndpoint(IMediator mediator) : ChangedEndpoint<UpdateHonouringEvent, HonouringEventDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateHonouringEvent.Route);
        Policies(Permission.CommendationsDecide);
        Summary(s => s.Summary = "Rename, reschedule or move an honouring event, or change the decisions it honours, before its day (If-Match; 412 when stale; 409 honouring_event_held, honouring_before_decision, decision_not_honourable, decision_already_honoured)");
    }

    protected override IQuery<HonouringEventDetail> ReadBack(UpdateHonouringEvent command) => new GetHonouringEvent { Id = command.Id };
}

