using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// Recognises a submitted initiative with a certificate number and decision date. Refused (409
/// <c>recognition_conditions_unmet</c>, naming them) unless every condition of Decree 13/2012/NĐ-CP art. 3 is recorded
/// as met. Records the remuneration rule set in force on the decision date and publishes <see cref="InitiativeRecognised"/>
/// with the minimum remuneration owed (art. 10) for Finance.
/// </summary>
public sealed record RecogniseInitiative : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/recognise";
    /// <summary>The number of the recognition certificate (giấy chứng nhận sáng kiến), unique within the unit.</summary>
    public string CertificateNumber { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
}

internal sealed class RecogniseInitiativeValidator : AbstractValidator<RecogniseInitiative>
{
    public RecogniseInitiativeValidator()
    {
        RuleFor(x => x.CertificateNumber).NotEmpty().MaximumLength(50);
        RuleFor(x => x.DecisionDate).NotEmpty();
    }
}

internal sealed class RecogniseInitiativeHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<RecogniseInitiative, Guid>
{
    public async ValueTask<Guid> Handle(RecogniseInitiative command, CancellationToken ct)
    {
        var initiative = await access.ForDecisionAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, initiative, command.IfMatch);
        await RecognitionPath.RecogniseAsync(db, initiative, command.CertificateNumber, command.DecisionDate, access.Actor, clock.GetUtcNow().UtcDateTime, byCouncil: false, ct);
        return initiative.Id;
    }
}

/// <summary>
/// The one path of a recognition, whoever decides (the unit's officer here, an evaluation council when it closes): the
/// certificate number unique within the unit, the domain's checks, and <see cref="InitiativeRecognised"/> with the
/// remuneration owed, published in the same transaction.
/// </summary>
internal static class RecognitionPath
{
    public static async Task RecogniseAsync(ParticipationDbContext db, Domain.Initiative initiative, string certificateNumber, DateOnly decisionDate,
        Domain.Actor actor, DateTime now, bool byCouncil, CancellationToken ct)
    {
        var number = certificateNumber.Trim();
        if (await db.Initiatives.IgnoreQueryFilters().AnyAsync(i => i.UnitId == initiative.UnitId && i.CertificateNumber == number && i.Id != initiative.Id, ct))
            throw new BusinessRuleException("certificate_number_taken",
                Localized.Text("The unit has already issued a certificate with this number.", "Đơn vị đã cấp giấy chứng nhận mang số này."),
                new Dictionary<string, string[]> { ["certificateNumber"] = [Localized.Text("Choose another number.", "Chọn số khác.")] });
        var rules = initiative.Recognise(number, decisionDate, actor, now, byCouncil);
        var remuneration = initiative.RemunerationAsOf(decisionDate);
        var emails = initiative.Authors.OrderBy(a => a.Order).Select(a => a.Email).ToList();
        db.Publish(new InitiativeRecognised(Guid.CreateVersion7(), now, initiative.Id, initiative.UnitId, initiative.Title, number, decisionDate,
            initiative.YearlyBenefit, rules.Code, rules.LegalBasis, rules.AuthorRate, rules.OrganiserRate,
            remuneration.Years.Select(y => new RemunerationObligationYear(y.Year, y.From, y.To, y.AuthorsTotal, y.OrganisersMinimum,
                y.Authors.Select((a, n) => new AuthorObligation(a.FullName, emails[n], a.SharePercent, a.Amount)).ToList())).ToList()));
    }
}

internal sealed class RecogniseInitiativeEndpoint(IMediator mediator) : InitiativeStepEndpoint<RecogniseInitiative>(mediator)
{
    protected override string Route => RecogniseInitiative.Route;
    protected override string RequiredPermission => Permission.InitiativesRecognise;
    protected override string StepSummary => "Recognise a submitted initiative (If-Match; 409 initiative_state (also while under council review), recognition_conditions_unmet, certificate_number_taken)";
}
