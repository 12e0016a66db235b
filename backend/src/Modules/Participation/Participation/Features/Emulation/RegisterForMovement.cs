using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>An individual registered by the unit, picked among its officials, and the title they aim for.</summary>
public sealed record RegisteredPersonInput
{
    public Guid OfficialId { get; init; }
    public string AimedTitle { get; init; } = "";
}

/// <summary>
/// A unit registers for a year of a movement (đăng ký thi đua): its collective targets, the titles it aims for and its
/// individuals. Flagged late after the year's deadline. 409 <c>unit_not_participating</c>, <c>already_registered</c>,
/// <c>person_outside_unit</c>, <c>emulation_year_closed</c>.
/// </summary>
public sealed record RegisterForMovement : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/registrations";
    public Guid MovementId { get; init; }
    public Guid UnitId { get; init; }
    public int Year { get; init; }
    /// <summary>The unit's collective targets for the year.</summary>
    public string Targets { get; init; } = "";
    /// <summary>The collective titles it aims for (e.g. "Tập thể lao động xuất sắc").</summary>
    public string? AimedTitles { get; init; }
    public IReadOnlyList<RegisteredPersonInput> People { get; init; } = [];
}

internal sealed class RegisterForMovementValidator : AbstractValidator<RegisterForMovement>
{
    public RegisterForMovementValidator()
    {
        RuleFor(x => x.MovementId).NotEmpty();
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Targets).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.AimedTitles).MaximumLength(1000);
        RuleFor(x => x.People).Must(p => p.Count <= 500);
        RuleForEach(x => x.People).ChildRules(p =>
        {
            p.RuleFor(x => x.OfficialId).NotEmpty();
            p.RuleFor(x => x.AimedTitle).NotEmpty().MaximumLength(200);
        });
    }
}

internal sealed class RegisterForMovementHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<RegisterForMovement, Guid>
{
    public async ValueTask<Guid> Handle(RegisterForMovement command, CancellationToken ct)
    {
        db.Access.Demand(Permission.EmulationRegister, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var movement = await access.MovementAsync(command.MovementId, ct);
        var below = (await mediator.Send(new GetSubtreeUnitIds(movement.UnitId), ct)).Select(u => u.UnitId).Where(u => u != movement.UnitId).ToHashSet();
        var takesPart = movement.Participants == ParticipantsMode.Subtree ? below.Contains(command.UnitId) : movement.ChosenUnits.Any(u => u.UnitId == command.UnitId);
        if (!takesPart)
            throw new BusinessRuleException("unit_not_participating", Localized.Text("The unit does not take part in this movement.",
                "Đơn vị không thuộc phạm vi tham gia phong trào này."), new Dictionary<string, string[]> { ["unitId"] = [Localized.Text("Choose a participating unit.", "Chọn đơn vị tham gia.")] });
        if (await db.Registrations.IgnoreQueryFilters().AnyAsync(r => r.MovementId == movement.Id && r.Year == command.Year && r.UnitId == command.UnitId, ct))
            throw new BusinessRuleException("already_registered", Localized.Text($"The unit has already registered for {command.Year}.",
                $"Đơn vị đã đăng ký thi đua năm {command.Year}."));
        var people = await PeopleAsync(command, ct);
        var registration = Registration.Register(movement, command.UnitId, command.Year, command.Targets, command.AimedTitles, people, access.Actor,
            VietnamTime.Today(clock));
        db.Registrations.Add(registration);
        db.Withdraw(RegistrationReminders.KeyPrefix(movement.Id, command.Year, command.UnitId));
        return registration.Id;
    }

    /// <summary>The individuals are officials of the unit or a unit below it (409 <c>person_outside_unit</c>).</summary>
    private async Task<List<RegisteredPersonDetails>> PeopleAsync(RegisterForMovement command, CancellationToken ct)
    {
        if (command.People.Count == 0) return [];
        var officials = (await mediator.Send(new GetOfficialsForNomination(command.People.Select(p => p.OfficialId).Distinct().ToList()), ct)).ToDictionary(o => o.Id);
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(command.UnitId), ct)).Select(u => u.UnitId).ToHashSet();
        var result = new List<RegisteredPersonDetails>();
        for (var n = 0; n < command.People.Count; n++)
        {
            var p = command.People[n];
            if (!officials.TryGetValue(p.OfficialId, out var o) || !subtree.Contains(o.UnitId))
                throw new BusinessRuleException("person_outside_unit", Localized.Text("A registered individual must be an official of the unit or a unit below it.",
                    "Cá nhân đăng ký phải là cán bộ của đơn vị hoặc đơn vị cấp dưới."),
                    new Dictionary<string, string[]> { [$"people[{n}].officialId"] = [Localized.Text("Choose an official of the unit.", "Chọn cán bộ của đơn vị.")] });
            result.Add(new RegisteredPersonDetails(o.Id, o.FullName, p.AimedTitle));
        }
        return result;
    }
}

internal sealed class RegisterForMovementEndpoint(IMediator mediator) : CreatedEndpoint<RegisterForMovement, RegistrationDetail>(mediator)
{
    public override void Configure()
    {
        Post(RegisterForMovement.Route);
        Policies(Permission.EmulationRegister);
        Summary(s =>
        {
            s.Summary = "Register a unit for a year of a movement (honours Idempotency-Key; late after the deadline; 409 unit_not_participating, already_registered, person_outside_unit, emulation_year_closed)";
            s.Response<RegistrationDetail>(201, "The registration.");
        });
    }

    protected override IQuery<RegistrationDetail> ReadBack(RegisterForMovement command, Guid id) => new GetRegistration { Id = id };

    protected override string Location(RegisterForMovement command, Guid id) => GetRegistration.For(id);
}
