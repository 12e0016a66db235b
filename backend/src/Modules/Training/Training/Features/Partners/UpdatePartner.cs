using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>Corrects a partner agency's details; needs If-Match with the ETag of the last read.</summary>
public sealed record UpdatePartner : PartnerFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdatePartnerValidator : AbstractValidator<UpdatePartner>
{
    public UpdatePartnerValidator() => this.AddPartnerRules();
}

internal sealed class UpdatePartnerHandler(TrainingDbContext db) : Mediator.ICommandHandler<UpdatePartner, Guid>
{
    public async ValueTask<Guid> Handle(UpdatePartner command, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), command.Id);
        Concurrency.GuardUpdate(db, partner, command.IfMatch);
        var name = command.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name && p.Id != partner.Id, ct))
            throw new BusinessRuleException("partner_name_taken",
                Localized.Text($"A partner agency named '{name}' already exists.", $"Đã có cơ quan đối tác tên '{name}'."));
        partner.Update(command.ToDetails());
        return partner.Id;
    }
}

internal sealed class UpdatePartnerEndpoint(IMediator mediator) : ChangedEndpoint<UpdatePartner, PartnerDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdatePartner.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "Update a partner agency (If-Match required; 412 when stale)");
    }

    protected override IQuery<PartnerDetail> ReadBack(UpdatePartner command) => new GetPartner { Id = command.Id };
}
