using System.Net;
using System.Text.Json;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Features.Auth;
using Khcn.Platform.Features.Me;
using Khcn.Platform.Features.Users;

namespace Khcn.IntegrationTests.Platform;

/// <summary>
/// The recovery path for a forgotten password: an administrator resets it to a temporary one shown once; the user
/// signs in with it and reaches nothing but their own account until they choose their own password.
/// </summary>
public sealed class PasswordResetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Strong = "Kh0a-hoc!2025";
    private const string Chosen = "Sang-kien#2026";

    [ApiFact]
    public async Task Given_a_forgotten_password_When_the_admin_resets_it_Then_only_the_temporary_one_signs_in_and_only_the_account_answers_until_it_is_changed()
    {
        var (userId, email) = await CreateUserAsync("quen.matkhau@hungyen.demo", "VANLAM", "unit-officer");
        var oldSession = await (await api.CreateClient().PostJsonAsync(Login.Route, new { email, password = Strong })).ReadAsync<JsonElement>();
        var admin = await api.LoginAsync(Users.Admin);

        var reset = await (await admin.PostAsync(ResetUserPassword.Route.Replace("{id}", userId.ToString()), null)).ReadAsync<PasswordResetView>();

        reset.Email.ShouldBe(email);
        reset.TemporaryPassword.ShouldMatch("^[A-Z][a-z][2-9][a-z]-[A-Z][a-z][2-9][a-z]-[A-Z][a-z][2-9][a-z]$");
        // The old password and the old session end at once.
        await (await api.CreateClient().PostJsonAsync(Login.Route, new { email, password = Strong }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await api.CreateClient().PostJsonAsync(Refresh.Route, new { refreshToken = oldSession.GetProperty("refreshToken").GetString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var user = await api.LoginAsync(email, reset.TemporaryPassword);
        user.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        (await (await user.GetAsync(GetMe.Route)).ReadAsync<MeResponse>()).MustChangePassword.ShouldBeTrue();
        var refused = await (await user.GetAsync("/api/v1/organization/units")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "password_change_required");
        refused.GetProperty("detail").GetString().ShouldBe("Mật khẩu của bạn vừa được quản trị viên đặt lại. Hãy đặt mật khẩu của riêng bạn để tiếp tục.");

        // Wrong current password, the same one again, a weak one: each names its field, and nothing changes.
        (await (await user.PostJsonAsync(ChangeMyPassword.Route, new { currentPassword = "Sai-mat-khau1", newPassword = Chosen }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("currentPassword")[0].GetString()
            .ShouldBe("Mật khẩu hiện tại không đúng.");
        (await (await user.PostJsonAsync(ChangeMyPassword.Route, new { currentPassword = reset.TemporaryPassword, newPassword = reset.TemporaryPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        (await (await user.PostJsonAsync(ChangeMyPassword.Route, new { currentPassword = reset.TemporaryPassword, newPassword = "ngan" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        (await (await user.GetAsync(GetMe.Route)).ReadAsync<MeResponse>()).MustChangePassword.ShouldBeTrue();

        var changed = await user.PostJsonAsync(ChangeMyPassword.Route, new { currentPassword = reset.TemporaryPassword, newPassword = Chosen });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var tokens = await changed.ReadAsync<JsonElement>();
        tokens.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();

        // The temporary password is spent; the chosen one reaches everything the role allows.
        await (await api.CreateClient().PostJsonAsync(Login.Route, new { email, password = reset.TemporaryPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var again = await api.LoginAsync(email, Chosen);
        (await (await again.GetAsync(GetMe.Route)).ReadAsync<MeResponse>()).MustChangePassword.ShouldBeFalse();
        (await again.GetAsync("/api/v1/organization/units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The reset is in the audit trail, without the hash.
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityId={userId}&module=platform")).ReadAsync<JsonElement>();
        var text = audit.GetRawText();
        text.ShouldContain("MustChangePassword");
        text.ShouldNotContain("PasswordHash");
    }

    [ApiFact]
    public async Task Given_a_district_admin_When_resetting_outside_their_district_or_their_own_or_without_the_right_Then_404_409_and_403()
    {
        var (vanLamUser, _) = await CreateUserAsync("nguoi.vanlam@hungyen.demo", "VANLAM", "unit-officer");
        var (myHaoAdminId, myHaoAdminEmail) = await CreateUserAsync("quantri.myhao@hungyen.demo", "MYHAO", "admin");
        var myHaoAdmin = await api.LoginAsync(myHaoAdminEmail, Strong);

        await (await myHaoAdmin.PostAsync(ResetUserPassword.Route.Replace("{id}", vanLamUser.ToString()), null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHaoAdmin.PostAsync(ResetUserPassword.Route.Replace("{id}", myHaoAdminId.ToString()), null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "self_reset");
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await (await officer.PostAsync(ResetUserPassword.Route.Replace("{id}", vanLamUser.ToString()), null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Nobody's password moved: the user still signs in with theirs.
        (await api.LoginAsync("nguoi.vanlam@hungyen.demo", Strong)).ShouldNotBeNull();
    }

    private async Task<(Guid Id, string Email)> CreateUserAsync(string email, string unitCode, string role)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var units = await (await admin.GetAsync($"/api/v1/organization/units?q={unitCode}&pageSize=200")).ReadAsync<JsonElement>();
        var unitId = units.GetProperty("items").EnumerateArray().First(u => u.GetProperty("code").GetString() == unitCode).GetProperty("id").GetGuid();
        var response = await admin.PostJsonAsync("/api/v1/admin/users", new { email, fullName = "Người dùng thử", password = Strong, grants = new[] { new { role, unitId } } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid(), email);
    }
}
