using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Platform.Auth;

/// <summary>
/// After an administrator resets a password, the temporary one is known to that administrator: until the user
/// chooses their own, their token reaches only their own account (who am I, change my password, sign out) and every
/// other API call answers 403 <c>password_change_required</c>. Enforced here, on the server, not only by the SPA.
/// </summary>
internal static class PasswordChangeGate
{
    private static bool IsOpen(string path) =>
        path.Equals("/api/v1/me", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/api/v1/me/", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/api/v1/auth/", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var access = http.RequestServices.GetRequiredService<AccessContext>();
        var path = http.Request.Path.Value ?? "";
        if (access.MustChangePassword && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !IsOpen(path))
        {
            await ProblemDetailsSetup.WriteProblemAsync(http, StatusCodes.Status403Forbidden,
                Localized.Text("Change your password first.", "Hãy đổi mật khẩu trước."),
                Localized.Text("Your password was reset by an administrator. Choose your own password to continue.",
                    "Mật khẩu của bạn vừa được quản trị viên đặt lại. Hãy đặt mật khẩu của riêng bạn để tiếp tục."), "password_change_required");
            return;
        }
        await next(http);
    });
}
