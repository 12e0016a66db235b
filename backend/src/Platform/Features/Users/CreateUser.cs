using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>Creates a user with an initial password and at least one role bound to a unit in the caller's scope.</summary>
public sealed record CreateUser : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/admin/users";
    public string Email { get; init; } = "";
    public string FullName { get; init; } = "";
    public string Password { get; init; } = "";
    public IReadOnlyList<GrantInput> Grants { get; init; } = [];
}

internal sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Grants).NotEmpty().WithMessage("Give the user at least one role in a unit.", "Hãy giao cho người dùng ít nhất một vai trò tại một đơn vị.");
        RuleForEach(x => x.Grants).SetValidator(new GrantInputValidator());
    }
}

internal sealed class CreateUserHandler(UserManager<AppUser> users, PlatformDbContext db, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<CreateUser, Guid>
{
    public async ValueTask<Guid> Handle(CreateUser command, CancellationToken ct)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            Email = command.Email.Trim(),
            UserName = command.Email.Trim(),
            FullName = command.FullName.Trim(),
            SearchText = VietnameseText.FoldAll(command.Email, command.FullName),
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Check scope and rules before anything is written: nothing half-saved.
        foreach (var grant in command.Grants.DistinctBy(g => (g.Role, g.UnitId)))
            await UserGrants.AddAsync(db, mediator, user.Id, grant, ct);
        if (await users.FindByEmailAsync(user.Email) is not null)
        {
            var taken = Localized.Text("A user with this e-mail already exists.", "Đã có người dùng với e-mail này.");
            throw new BusinessRuleException("email_taken", taken, new Dictionary<string, string[]> { ["email"] = [taken] });
        }
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, command.Password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = errors.ToArray() });
        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password);
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        db.Users.Add(user);
        return user.Id;
    }
}

internal sealed class CreateUserEndpoint(IMediator mediator) : CreatedEndpoint<CreateUser, UserView>(mediator)
{
    public override void Configure()
    {
        Post(CreateUser.Route);
        Policies(Permission.UsersManage);
        Summary(s =>
        {
            s.Summary = "Create a user with roles (honours Idempotency-Key)";
            s.Response<UserView>(201, "The user, created.");
        });
    }

    protected override IQuery<UserView> ReadBack(CreateUser command, Guid id) => new GetUser { Id = id };

    protected override string Location(CreateUser command, Guid id) => $"{CreateUser.Route}/{id}";
}

internal sealed class GrantInputValidator : AbstractValidator<GrantInput>
{
    public GrantInputValidator()
    {
        RuleFor(x => x.Role).NotEmpty().Must(Roles.IsKnown).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.",
            $"Vai trò phải là một trong: {string.Join(", ", Roles.All)}.");
        RuleFor(x => x.UnitId).NotEmpty();
    }
}
