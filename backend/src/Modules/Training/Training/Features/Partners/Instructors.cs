using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>
/// Who may keep a partner's instructors: its own staff (<see cref="Permission.PartnerWork"/>) or the coordinator
/// (<see cref="Permission.CoursesManage"/>). The endpoints declare <see cref="Permission.SessionsSchedule"/>,
/// which both hold; another partner's staff get 404.
/// </summary>
internal static class InstructorRights
{
    public static async Task<PartnerAgency> PartnerForChangeAsync(TrainingAccess access, Guid partnerId, CancellationToken ct)
    {
        var partner = await access.PartnerAsync(partnerId, ct);
        var allowed = access.IsPartnerOnly
            ? access.Access.HasPermissionAnywhere(Permission.PartnerWork)
            : access.Access.HasPermissionAnywhere(Permission.CoursesManage);
        if (!allowed) throw new ForbiddenException();
        return partner;
    }
}

public sealed record ListInstructors : IQuery<IReadOnlyList<InstructorView>>
{
    public const string Route = "/api/v1/training/partners/{id}/instructors";
    public Guid Id { get; init; }
}

internal sealed class ListInstructorsHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListInstructors, IReadOnlyList<InstructorView>>
{
    public async ValueTask<IReadOnlyList<InstructorView>> Handle(ListInstructors query, CancellationToken ct)
    {
        var partner = await access.PartnerAsync(query.Id, ct);
        return await db.Instructors.AsNoTracking().Where(i => i.PartnerId == partner.Id).OrderBy(i => i.FullName)
            .Select(i => new InstructorView(i.Id, i.PartnerId, i.FullName, i.Email, i.Expertise, i.Version)).ToListAsync(ct);
    }
}

internal sealed class ListInstructorsEndpoint(IMediator mediator) : Endpoint<ListInstructors, IReadOnlyList<InstructorView>>
{
    public override void Configure()
    {
        Get(ListInstructors.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List a partner agency's instructors");
    }

    public override async Task HandleAsync(ListInstructors req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

public abstract record InstructorFields
{
    public string FullName { get; init; } = "";
    public string? Email { get; init; }
    /// <summary>What they teach, e.g. "Phương pháp nghiên cứu khoa học".</summary>
    public string? Expertise { get; init; }
}

internal static class InstructorFieldRules
{
    public static void AddInstructorRules<T>(this AbstractValidator<T> v) where T : InstructorFields
    {
        v.RuleFor(x => x.FullName).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Email).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        v.RuleFor(x => x.Expertise).MaximumLength(300);
    }
}

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

internal sealed class CreateInstructorEndpoint(IMediator mediator) : Endpoint<CreateInstructor, InstructorView>
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

    public override async Task HandleAsync(CreateInstructor req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.ResponseAsync(await mediator.Send(new GetInstructor(id), ct), StatusCodes.Status201Created, ct);
    }
}

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
        ETags.GuardUpdate(db, instructor, command.IfMatch);
        instructor.Update(command.FullName, command.Email, command.Expertise);
        return instructor.Id;
    }
}

internal sealed class UpdateInstructorEndpoint(IMediator mediator) : Endpoint<UpdateInstructor, InstructorView>
{
    public override void Configure()
    {
        Put(UpdateInstructor.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s => s.Summary = "Update an instructor (If-Match required; 412 when stale)");
    }

    public override async Task HandleAsync(UpdateInstructor req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetInstructor(id), ct), ct);
    }
}

/// <summary>One instructor as the API answers it (read back after a change).</summary>
internal sealed record GetInstructor(Guid Id) : IQuery<InstructorView>;

internal sealed class GetInstructorHandler(TrainingDbContext db) : IQueryHandler<GetInstructor, InstructorView>
{
    public async ValueTask<InstructorView> Handle(GetInstructor query, CancellationToken ct) =>
        await db.Instructors.AsNoTracking().Where(i => i.Id == query.Id)
            .Select(i => new InstructorView(i.Id, i.PartnerId, i.FullName, i.Email, i.Expertise, i.Version)).FirstAsync(ct);
}
