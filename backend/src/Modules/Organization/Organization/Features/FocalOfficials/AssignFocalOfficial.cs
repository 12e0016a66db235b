using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.FocalOfficials;

/// <summary>
/// Makes an official of an upper-level union its KH,CN&amp;ĐMST focal official from a date (today by default), ending the
/// previous assignment that day.
/// </summary>
public sealed record AssignFocalOfficial : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/units/{id}/focal-officials";
    public Guid Id { get; init; }
    public Guid OfficialId { get; init; }
    /// <summary>First day in the role (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? StartedOn { get; init; }
}

internal sealed class AssignFocalOfficialValidator : AbstractValidator<AssignFocalOfficial>
{
    public AssignFocalOfficialValidator() => RuleFor(x => x.OfficialId).NotEmpty();
}

internal sealed class AssignFocalOfficialHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<AssignFocalOfficial, Guid>
{
    public async ValueTask<Guid> Handle(AssignFocalOfficial command, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.Id);
        db.Access.Demand(Permission.OfficialsManage, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        var official = await db.Officials.FirstOrDefaultAsync(o => o.Id == command.OfficialId, ct)
                       ?? throw new BusinessRuleException("official_not_in_unit",
                           Localized.Text("The focal official must be an official of this unit.", "Cán bộ đầu mối phải là cán bộ của đơn vị này."),
                           new Dictionary<string, string[]> { ["officialId"] = [Localized.Text("Choose an official of this unit.", "Chọn một cán bộ của đơn vị này.")] });
        var current = await db.FocalAssignments.FirstOrDefaultAsync(a => a.UnitId == unit.Id && a.EndedOn == null, ct);
        var assignment = FocalAssignment.Assign(unit, official, command.StartedOn ?? VietnamTime.Today(clock), current, db.Access.Email);
        db.FocalAssignments.Add(assignment);
        return assignment.Id;
    }
}

internal sealed class AssignFocalOfficialEndpoint(IMediator mediator) : CreatedEndpoint<AssignFocalOfficial, FocalOfficialsResponse>(mediator)
{
    public override void Configure()
    {
        Post(AssignFocalOfficial.Route);
        Policies(Permission.OfficialsManage);
        Summary(s =>
        {
            s.Summary = "Assign the focal official of an upper-level union (ends the previous assignment)";
            s.Response<FocalOfficialsResponse>(201, "The new current focal official and the history.");
        });
    }

    protected override IQuery<FocalOfficialsResponse> ReadBack(AssignFocalOfficial command, Guid id) => new GetFocalOfficials { Id = command.Id };
    protected override string Location(AssignFocalOfficial command, Guid id) => GetFocalOfficials.For(command.Id);
}
