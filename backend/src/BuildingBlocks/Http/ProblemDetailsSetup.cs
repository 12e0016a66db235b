using System.Diagnostics;
using System.Globalization;
using Khcn.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.BuildingBlocks.Http;

/// <summary>
/// The one error format: RFC 9457 problem details with a traceId, per-field <c>errors</c> for validation and a
/// machine-readable <c>code</c>. Exceptions are mapped here and nowhere else; empty 4xx answers (unknown route,
/// 401, 405…) get a problem body from the status-code pages.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            // The exception handler cleared the headers the request localization set; say again which language the text is in.
            ctx.HttpContext.Response.Headers.ContentLanguage = CultureInfo.CurrentUICulture.Name;
            // The empty answers the status-code pages fill (401, 404 of an unknown route, 405…) carry the HTTP reason phrase.
            if (Localized.IsVietnamese && ctx.ProblemDetails.Status is { } status
                && ctx.ProblemDetails.Title == ReasonPhrases.GetReasonPhrase(status) && Titles.ForStatus(status) is { } title)
                ctx.ProblemDetails.Title = title;
            // Every problem carries a code, the empty answers of the framework (401, 403 of a missing permission, 405…) too.
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code") && ctx.ProblemDetails.Status is { } s && Titles.CodeFor(s) is { } code)
                ctx.ProblemDetails.Extensions["code"] = code;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static async Task WriteProblemAsync(HttpContext http, int status, string title, string? detail = null,
        string? code = null, IDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";
        if (code is not null) problem.Extensions["code"] = code;
        if (extensions is not null)
            foreach (var (k, v) in extensions) problem.Extensions[k] = v;
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}

/// <summary>Problem titles more than one place writes, in the caller's language.</summary>
public static class Titles
{
    public static string ValidationFailed => Localized.Text("One or more fields are invalid.", "Một số trường chưa hợp lệ.");
    public static string MalformedJson => Localized.Text("The request body is not valid JSON.", "Nội dung yêu cầu không phải JSON hợp lệ.");
    public static string PayloadTooLarge => Localized.Text("The request body is too large.", "Nội dung yêu cầu quá lớn.");

    /// <summary>The code of a problem nobody gave one (the framework's empty answers).</summary>
    internal static string? CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        500 => "internal_error",
        503 => "unavailable",
        _ => null,
    };

    /// <summary>Vietnamese for the HTTP reason phrases of the statuses the API answers without a body of its own.</summary>
    internal static string? ForStatus(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ.",
        401 => "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.",
        403 => "Bạn không có quyền thực hiện thao tác này.",
        404 => "Không tìm thấy.",
        405 => "Phương thức không được hỗ trợ.",
        406 => "Không đáp ứng được định dạng yêu cầu.",
        409 => "Xung đột dữ liệu.",
        413 => "Nội dung yêu cầu quá lớn.",
        415 => "Định dạng nội dung không được hỗ trợ.",
        429 => "Quá nhiều yêu cầu.",
        500 => "Đã xảy ra lỗi không mong muốn.",
        503 => "Dịch vụ tạm thời không sẵn sàng.",
        _ => null,
    };
}

internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is ApiProblemException p)
        {
            foreach (var (name, value) in p.Headers ?? new Dictionary<string, string>()) http.Response.Headers[name] = value;
            await ProblemDetailsSetup.WriteProblemAsync(http, p.Status, p.Title, p.Message, p.Code, extensions: p.Extensions);
            return true;
        }
        var (status, title, code, errors) = exception switch
        {
            RequestValidationException v => (400, Titles.ValidationFailed, "validation_failed", v.Errors),
            NotFoundException => (404, Localized.Text("Not found.", "Không tìm thấy."), "not_found", null),
            ForbiddenException => (403, Localized.Text("Forbidden.", "Không có quyền."), "forbidden", null),
            ConcurrencyConflictException or DbUpdateConcurrencyException =>
                (412, Localized.Text("Someone else changed this record.", "Bản ghi đã bị người khác thay đổi."), "stale_version", null),
            // A unique index caught what a rule's pre-check missed under concurrency.
            DbUpdateException => (409, Localized.Text("The change conflicts with existing data.", "Thay đổi trùng lặp hoặc mâu thuẫn với dữ liệu đã có."), "conflict", null),
            PreconditionRequiredException => (428, Localized.Text("If-Match required.", "Thiếu header If-Match."), "if_match_required", null),
            BusinessRuleException b => (409, Localized.Text("The change breaks a rule.", "Thay đổi vi phạm quy định nghiệp vụ."), b.Code, b.Errors),
            BadHttpRequestException b when b.StatusCode == 413 => (413, Titles.PayloadTooLarge, "payload_too_large", null),
            BadHttpRequestException b => (b.StatusCode, Localized.Text("The request could not be read.", "Không đọc được yêu cầu."), "bad_request", null),
            System.Text.Json.JsonException => (400, Titles.MalformedJson, "malformed_json", null),
            _ => (500, Localized.Text("An unexpected error occurred.", "Đã xảy ra lỗi không mong muốn."), "internal_error", (IDictionary<string, string[]>?)null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled exception");
        // Framework exceptions word their messages in English for developers; the user gets the title again instead.
        var detail = status >= 500 ? null
            : (exception is DbUpdateException or BadHttpRequestException or System.Text.Json.JsonException) && Localized.IsVietnamese ? title
            : exception.Message;
        await ProblemDetailsSetup.WriteProblemAsync(http, status, title, detail, code, errors);
        return true;
    }
}
