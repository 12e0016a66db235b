using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;

namespace Khcn.Organization.Features.Labour;

/// <summary>
/// Writes an enterprise's figures for a year (creating or replacing them). Women and union members cannot exceed the
/// workforce, counts and income are not negative, agreement dates only when an agreement is signed and the expiry
/// after the signing, the year between 2000 and next year.
/// </summary>
public sealed record PutYearFigures : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/enterprises/{id}/figures/{year}";
    public static string For(Guid id, int year) => $"/api/v1/organization/enterprises/{id}/figures/{year}";
    public Guid Id { get; init; }
    public int Year { get; init; }
    public int Workforce { get; init; }
    public int Women { get; init; }
    public int UnionMembers { get; init; }
    /// <summary>Average monthly income per worker, whole VND.</summary>
    public decimal AverageMonthlyIncome { get; init; }
    /// <summary>Whether a collective labour agreement is in place.</summary>
    public bool CbaSigned { get; init; }
    public DateOnly? CbaSignedOn { get; init; }
    public DateOnly? CbaExpiresOn { get; init; }
    /// <summary>Labour disputes during the year.</summary>
    public int Disputes { get; init; }
    /// <summary>Collective work stoppages during the year.</summary>
    public int Stoppages { get; init; }
    /// <summary>Workplace dialogues held during the year.</summary>
    public int Dialogues { get; init; }

    internal YearFigureValues ToValues() =>
        new(Workforce, Women, UnionMembers, AverageMonthlyIncome, CbaSigned, CbaSignedOn, CbaExpiresOn, Disputes, Stoppages, Dialogues);
}

internal sealed class PutYearFiguresValidator : AbstractValidator<PutYearFigures>
{
    public PutYearFiguresValidator(TimeProvider clock) =>
        RuleFor(x => x).Custom((x, ctx) =>
        {
            foreach (var v in LabourRules.CheckFigures(x.Year, x.ToValues(), VietnamTime.Today(clock).Year)) ctx.AddFailure(v.Field, v.Message);
        });
}

internal sealed class PutYearFiguresHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<PutYearFigures, Guid>
{
    public async ValueTask<Guid> Handle(PutYearFigures command, CancellationToken ct)
    {
        var enterprise = await EnterpriseAccess.ForChangeAsync(db, command.Id, ct);
        enterprise.SetFigures(command.Year, command.ToValues(), VietnamTime.Today(clock).Year);
        return enterprise.Id;
    }
}

internal sealed class PutYearFiguresEndpoint(IMediator mediator) : ChangedEndpoint<PutYearFigures, EnterpriseDetail>(mediator)
{
    public override void Configure()
    {
        Put(PutYearFigures.Route);
        Policies(Permission.LabourManage);
        Summary(s => s.Summary = "Write an enterprise's labour figures for a year (created or replaced)");
    }

    protected override IQuery<EnterpriseDetail> ReadBack(PutYearFigures command) => new GetEnterprise { Id = command.Id };
}
