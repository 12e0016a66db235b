using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>Adds an instructor to a partner agency (its staff or the coordinator).</summary>
public sealed record CreateInstructor : InstructorFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}/instructors";
    public Guid Id { get; init; }
}

internal sealed class CreateInstructorValidator : AbstractValidator<CreateInstructor>
{
    public CreateInstructorValidator() => this.AddInstructorRules();
}

internal sealed class CreateInstructorHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<CreateInstructor, Guid>
{
    public async ValueTask<Guid> Handle(CreateInstructor command, CancellationToken ct)
    {
        var partner = await InstructorRights.PartnerForChangeAsync(access, command.Id, ct);
        var instructor = Instructor.Create(partner.Id, command.FullName, command.Email, command.Expertise);
        db.Instructors.Add(instructor);
        return instructor.Id;
    }
}

internal sealed class CreateInstructorEndpoint(IMediator mediator) : CreatedEndpoint<CreateInstructor, InstructorView>(mediator)
{
    public override void Configure()
    {
        Post(CreateInstructor.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s =>
        {
            s.Summary = "Add an instructor to a partner agency (its staff or the coordinator; honours Idempotency-Key)";
            s.Response<InstructorView>(201, "The instructor.");
        });
    }

    protected override IQuery<InstructorView> ReadBack(CreateInstructor command, Guid id) => new GetInstructor(id);

    protected override string Location(CreateInstructor command, Guid id) => $"/api/v1/training/partners/{command.Id}/instructors/{id}";
}
