using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>Withdraws a draft or submitted application (before any decision).</summary>
public sealed record WithdrawInitiative : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/withdraw";
    /// <summary>Why it is withdrawn (optional).</summary>
    public string? Reason { get; init; }
}

internal sealed class WithdrawInitiativeValidator : AbstractValidator<WithdrawInitiative>
{
    public WithdrawInitiativeValidator() => RuleFor(x => x.Reason).MaximumLength(2000);
}

internal sealed class WithdrawInitiativeHandler(ParticipationDbContext db, ParticipationAccess access) : Mediator.ICommandHandler<WithdrawInitiative, Guid>
{
    public async ValueTask<Guid> Handle(WithdrawInitiative command, CancellationToken ct)
    {
        var initiative = await access.ForFilingAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, initiative, command.IfMatch);
        initiative.Withdraw(command.Reason);
        return initiative.Id;
    }
}

internal sealed class WithdrawInitiativeEndpoint(IMediator mediator) : InitiativeStepEndpoint<WithdrawInitiative>(mediator)
{
    protected override string Route => WithdrawInitiative.Route;
    protected override string RequiredPermission => Permission.InitiativesSubmit;
    protected override string StepSummary => "Withdraw a draft or submitted application (If-Match; 409 initiative_state after a decision)";
}
