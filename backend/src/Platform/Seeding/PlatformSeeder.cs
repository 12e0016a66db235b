using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Clients;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Khcn.Platform.Seeding;

/// <summary>
/// First start: with demo seeding, one user per role (passwords in README, demo only); without it, the
/// administrator from Seed:AdminEmail / Seed:AdminPassword, refusing a missing or weak password.
/// </summary>
internal sealed class PlatformSeeder(PlatformDbContext db, UserManager<AppUser> users, IMediator mediator, TimeProvider clock,
    ClientApplicationManager clients, IConfiguration configuration) : IModuleSeeder
{
    public const string DemoPassword = "Demo@2025!";

    /// <summary>
    /// The demo partner agency's system (Trường ĐH SPKT Hưng Yên): an integrator client holding the partner role, which
    /// Training links to the agency (by its account e-mail), scheduling that agency's sessions through the API.
    /// </summary>
    public const string DemoClientId = "spkt-dao-tao";
    public const string DemoClientSecret = "Demo-Client-Secret-2025";

    public static readonly (string Email, string FullName, string Role, string UnitCode)[] DemoUsers =
    [
        ("admin@hungyen.demo", "Quản trị hệ thống", Roles.Admin, "HY"),
        ("lanhdao@hungyen.demo", "Nguyễn Văn Thường trực", Roles.FederationLeader, "HY"),
        ("cspl@hungyen.demo", "Trần Thị Chính sách", Roles.PolicyLawBoard, "HY"),
        ("tuyengiao@hungyen.demo", "Lê Thị Tuyên giáo", Roles.PropagandaBoard, "HY"),
        ("taichinh@hungyen.demo", "Phạm Văn Tài chính", Roles.FinanceOfficer, "HY"),
        // Finance (#14): a second provincial finance officer (four-eyes) and the finance officers of Văn Lâm and Mỹ Hào.
        ("ketoan@hungyen.demo", "Đinh Thị Kế toán", Roles.FinanceOfficer, "HY"),
        ("taichinh.vanlam@hungyen.demo", "Lý Văn Tài vụ", Roles.FinanceOfficer, "VANLAM"),
        ("taichinh.myhao@hungyen.demo", "Mai Thị Ngân quỹ", Roles.FinanceOfficer, "MYHAO"),
        ("daumoi.vanlam@hungyen.demo", "Đỗ Minh Đầu mối", Roles.FocalOfficial, "VANLAM"),
        ("canbo.vanlam@hungyen.demo", "Vũ Thị Văn Lâm", Roles.UnitOfficer, "VANLAM"),
        ("canbo.myhao@hungyen.demo", "Hoàng Văn Mỹ Hào", Roles.UnitOfficer, "MYHAO"),
        ("hoidong@hungyen.demo", "Bùi Văn Hội đồng", Roles.CouncilMember, "HY"),
        ("doanvien@hungyen.demo", "Đặng Thị Đoàn viên", Roles.Member, "VANLAM-DETMAYLACHONG"),
        ("doitac@hungyen.demo", "Ngô Văn Đối tác", Roles.Partner, "HY"),
        ("tichhop@hungyen.demo", "Hệ thống tích hợp", Roles.Integrator, "HY"),
    ];

    public int Order => 20;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return;
        if (options.Demo)
        {
            foreach (var (email, name, role, unitCode) in DemoUsers)
                await CreateAsync(email, name, DemoPassword, role, unitCode, ct);
            var province = await mediator.Send(new FindUnitByCode("HY"), ct) ?? throw new InvalidOperationException("Seed unit HY is missing.");
            await ClientAccounts.CreateAsync(db, clients, "Hệ thống đào tạo — Trường ĐH SPKT Hưng Yên", province.Id, Roles.Partner,
                [ApiScopes.TrainingRead, ApiScopes.TrainingSessionsWrite], 600, configuration["Seed:DemoClientSecret"] ?? DemoClientSecret,
                clock.GetUtcNow().UtcDateTime, ct, DemoClientId);
            await db.SaveChangesAsync(ct);
            return;
        }
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrWhiteSpace(options.AdminPassword))
            throw new InvalidOperationException(
                "First start without demo data: set Seed:AdminEmail and Seed:AdminPassword (e.g. Seed__AdminEmail / Seed__AdminPassword) for the first administrator.");
        var root = await mediator.Send(new GetRootUnit(), ct) ?? throw new InvalidOperationException("No root unit to bind the administrator to.");
        await CreateAsync(options.AdminEmail, "Administrator", options.AdminPassword, Roles.Admin, root.Code, ct);
    }

    private async Task CreateAsync(string email, string fullName, string password, string role, string unitCode, CancellationToken ct)
    {
        var unit = await mediator.Send(new FindUnitByCode(unitCode), ct)
                   ?? throw new InvalidOperationException($"Seed unit {unitCode} is missing.");
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), Email = email, UserName = email, FullName = fullName, EmailConfirmed = true,
            SearchText = VietnameseText.FoldAll(email, fullName), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Cannot create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        db.Grants.Add(new UserGrant { UserId = user.Id, Role = role, UnitId = unit.Id });
        await db.SaveChangesAsync(ct);
    }
}
