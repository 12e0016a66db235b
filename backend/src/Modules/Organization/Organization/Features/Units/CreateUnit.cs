using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units;

/// <summary>Creates a unit under a parent unit in the caller's scope (kind rules: a grassroots union sits under an upper-level union, which sits under the provincial federation).</summary>
public sealed record CreateUnit : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/units";

    /// <summary>Short unique code, e.g. VANLAM.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public UnitKind Kind { get; init; }
    /// <summary>Required for every kind but the provincial federation.</summary>
    public Guid? ParentId { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>The day the unit was established (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? EstablishedOn { get; init; }
}

internal sealed class CreateUnitValidator : AbstractValidator<CreateUnit>
{
    public CreateUnitValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9_-]+$")
            .WithMessage("Use letters, digits, '-' or '_' only.", "Chỉ dùng chữ cái, chữ số, '-' hoặc '_'.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Address).MaximumLength(500);
        RuleFor(x => x.Phone).MaximumLength(50);
        RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}

internal sealed class CreateUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<CreateUnit, Guid>
{
    public async ValueTask<Guid> Handle(CreateUnit command, CancellationToken ct)
    {
        UnionUnit? parent = null;
        if (command.ParentId is { } parentId)
        {
            parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), parentId);
            db.Access.Demand(Permission.UnitsManage, parent.Id, Localized.Text("Unit", "đơn vị"), parent.Id);
        }
        else
        {
            if (!db.Access.Unrestricted) throw new ForbiddenException(Localized.Text("Only a province-wide administrator may create the root unit.",
                "Chỉ quản trị viên cấp tỉnh mới được tạo đơn vị gốc."));
            if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.ParentId == null, ct))
                throw new BusinessRuleException("single_root",
                    Localized.Text("The hierarchy already has its provincial federation.", "Hệ thống tổ chức đã có Liên đoàn Lao động tỉnh."),
                    new Dictionary<string, string[]> { ["parentId"] = [Localized.Text("Choose the parent unit.", "Chọn đơn vị cấp trên.")] });
        }

        var code = command.Code.Trim().ToUpperInvariant();
        if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == code, ct))
            throw new BusinessRuleException("unit_code_taken",
                Localized.Text($"The code {code} is already used by another unit.", $"Mã {code} đã được một đơn vị khác sử dụng."),
                new Dictionary<string, string[]> { ["code"] = [Localized.Text($"The code {code} is already used.", $"Mã {code} đã được sử dụng.")] });

        var unit = UnionUnit.Create(code, command.Name, command.Kind, parent, command.Address, command.Phone, command.Email,
            command.EstablishedOn ?? VietnamTime.Today(clock));
        db.Units.Add(unit);
        if (parent is not null) db.Access.AddChildUnit(parent.Id, unit.Id);
        db.Publish(new UnitCreated(Guid.CreateVersion7(), clock.GetUtcNow().UtcDateTime, unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId));
        return unit.Id;
    }
}

internal sealed class CreateUnitEndpoint(IMediator mediator) : CreatedEndpoint<CreateUnit, UnitDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateUnit.Route);
        Policies(Permission.UnitsManage);
        Summary(s =>
        {
            s.Summary = "Create a unit (honours Idempotency-Key)";
            s.Response<UnitDetail>(201, "The unit, created.");
        });
    }

    protected override IQuery<UnitDetail> ReadBack(CreateUnit command, Guid id) => new GetUnit { Id = id };
    protected override string Location(CreateUnit command, Guid id) => GetUnit.For(id);
}
