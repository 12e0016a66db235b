using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>Corrects an instructor; needs If-Match with the instructor's ETag (its version).</summary>
public sealed record UpdateInstructor : InstructorFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}/instructors/{instructorId}";
    public Guid Id { get; init; }
    public Guid InstructorId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateInstructorValidator : AbstractValidator<UpdateInstructor>
{
    public UpdateInstructorValidator() => this.AddInstructorRules();
}

internal sealed class UpdateInstructorHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<UpdateInstructor, Guid>
{
    public async ValueTask<Guid> Handle(UpdateInstructor command, CancellationToken ct)
    {
        var partner = await InstructorRights.PartnerForChangeAsync(access, command.Id, ct);
        var instructor = await db.Instructors.FirstOrDefaultAsync(i => i.Id == command.InstructorId && i.PartnerId == partner.Id, ct)
                         ?? throw new NotFoundException(Localized.Text("Instructor", "giảng viên"), command.InstructorId);
        Concurrency.GuardUpdate(db, instructor, command.IfMatch);
        instructor.Update(command.FullName, command.Email, command.Expertise);
        return instructor.Id;
    }
}

internal sealed class UpdateInstructorEndpoint(IMediator mediator) : ChangedEndpoint<UpdateInstructor, InstructorView>(mediator)
{
    public override void Configure()
    {
        Put(UpdateInstructor.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s => s.Summary = "Update an instructor (If-Match required; 412 when stale)");
    }

    protected override IQuery<InstructorView> ReadBack(UpdateInstructor command) => new GetInstructor(command.InstructorId);
}
