using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>Registers a partner agency (the training coordinator).</summary>
public sealed record CreatePartner : PartnerFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners";
}

internal sealed class CreatePartnerValidator : AbstractValidator<CreatePartner>
{
    public CreatePartnerValidator() => this.AddPartnerRules();
}

internal sealed class CreatePartnerHandler(TrainingDbContext db) : Mediator.ICommandHandler<CreatePartner, Guid>
{
    public async ValueTask<Guid> Handle(CreatePartner command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name, ct))
            throw new BusinessRuleException("partner_name_taken",
                Localized.Text($"A partner agency named '{name}' already exists.", $"Đã có cơ quan đối tác tên '{name}'."));
        var partner = PartnerAgency.Create(command.ToDetails());
        db.Partners.Add(partner);
        return partner.Id;
    }
}

internal sealed class CreatePartnerEndpoint(IMediator mediator) : CreatedEndpoint<CreatePartner, PartnerDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreatePartner.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Register a partner agency (honours Idempotency-Key)";
            s.Response<PartnerDetail>(201, "The partner agency, registered.");
        });
    }

    protected override IQuery<PartnerDetail> ReadBack(CreatePartner command, Guid id) => new GetPartner { Id = id };

    protected override string Location(CreatePartner command, Guid id) => GetPartner.For(id);
}
