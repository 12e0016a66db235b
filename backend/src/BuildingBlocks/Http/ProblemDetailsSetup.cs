using System.Diagnostics;
using Khcn.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
            RequestValidationException v => (400, "One or more fields are invalid.", "validation_failed", v.Errors),
            NotFoundException => (404, "Not found.", "not_found", null),
            ForbiddenException => (403, "Forbidden.", "forbidden", null),
            ConcurrencyConflictException => (412, "Someone else changed this record.", "stale_version", null),
            DbUpdateConcurrencyException => (412, "Someone else changed this record.", "stale_version", null),
            // A unique index caught what a rule's pre-check missed under concurrency.
            DbUpdateException => (409, "The change conflicts with existing data.", "conflict", null),
            PreconditionRequiredException => (428, "If-Match required.", "if_match_required", null),
            BusinessRuleException b => (409, "The change breaks a rule.", b.Code, b.Errors),
            BadHttpRequestException b when b.StatusCode == 413 => (413, "The request body is too large.", "payload_too_large", null),
            BadHttpRequestException b => (b.StatusCode, "The request could not be read.", "bad_request", null),
            System.Text.Json.JsonException => (400, "The request body is not valid JSON.", "malformed_json", null),
            _ => (500, "An unexpected error occurred.", "internal_error", (IDictionary<string, string[]>?)null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled exception");
        var detail = status >= 500 ? null : exception.Message;
        await ProblemDetailsSetup.WriteProblemAsync(http, status, title, detail, code, errors);
        return true;
    }
}
