using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;

namespace Khcn.Finance.Features.Sources;

/// <summary>
/// Registers a funding source of a unit: union funds, state budget through Sở KH&amp;CN (programme or contract
/// reference required), a socialised sponsor (name and tax code with a valid check digit required), or other.
/// </summary>
public sealed record CreateFundingSource : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/sources";
    public Guid UnitId { get; init; }
    public FundingSourceKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string? ProgrammeReference { get; init; }
    public string? SponsorName { get; init; }
    /// <summary>10 digits (or 10 + "-" + 3 for a branch); the 10th is a check digit.</summary>
    public string? SponsorTaxCode { get; init; }
    public string? Note { get; init; }
}

internal sealed class CreateFundingSourceValidator : AbstractValidator<CreateFundingSource>
{
    public CreateFundingSourceValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Name).MaximumLength(300);
        RuleFor(x => x.ProgrammeReference).MaximumLength(200);
        RuleFor(x => x.SponsorName).MaximumLength(300);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class CreateFundingSourceHandler(FinanceDbContext db, FinanceAccess access) : Mediator.ICommandHandler<CreateFundingSource, Guid>
{
    public ValueTask<Guid> Handle(CreateFundingSource c, CancellationToken ct)
    {
        access.DemandManage(c.UnitId);
        var source = FundingSource.Create(c.UnitId, c.Kind, c.Name, c.ProgrammeReference, c.SponsorName, c.SponsorTaxCode, c.Note);
        db.FundingSources.Add(source);
        return ValueTask.FromResult(source.Id);
    }
}

internal sealed class CreateFundingSourceEndpoint(IMediator mediator) : CreatedEndpoint<CreateFundingSource, FundingSourceView>(mediator)
{
    public override void Configure()
    {
        Post(CreateFundingSource.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Register a funding source of a unit (honours Idempotency-Key; 400 when a sponsor's tax code fails its check digit)");
    }

    protected override IQuery<FundingSourceView> ReadBack(CreateFundingSource command, Guid id) => new ListFundingSources.ById(id);
    protected override string Location(CreateFundingSource command, Guid id) => $"{ListFundingSources.Route}?unitId={command.UnitId}";
}
