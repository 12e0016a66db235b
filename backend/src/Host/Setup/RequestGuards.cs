using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Khcn.Host.Setup;

/// <summary>
/// Refuses, before any endpoint runs, bodies the API never accepts: larger than <c>Api:MaxRequestBodyBytes</c> (413)
/// or of a media type other than JSON or multipart (415). A request without a body (a GET sent with
/// <c>Content-Type: application/json</c>) loses its content type: there is nothing it describes, and the endpoint
/// must not try to read JSON from nothing.
/// </summary>
internal sealed class RequestGuards(RequestDelegate next, IOptions<ApiLimits> limits)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var canHaveBody = http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                          ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        if (request.ContentType is not null && (!canHaveBody || request.ContentLength == 0)) request.ContentType = null;
        if (request.Path.StartsWithSegments("/api") && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            var multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
            var max = multipart ? limits.Value.MaxUploadBytes : limits.Value.MaxRequestBodyBytes;
            if (request.ContentLength > max)
            {
                await ProblemDetailsSetup.WriteProblemAsync(http, 413, Titles.PayloadTooLarge,
                    Localized.Text($"Bodies up to {max} bytes are accepted.", $"Chỉ nhận nội dung tối đa {max} byte."), "payload_too_large");
                return;
            }
            var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = max;

            var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
            var type = request.ContentType ?? "";
            var accepted = type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                           || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.Contains("+json", StringComparison.OrdinalIgnoreCase))
                           || type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
            if (hasBody && !accepted)
            {
                await ProblemDetailsSetup.WriteProblemAsync(http, 415, Localized.Text("Unsupported media type.", "Định dạng nội dung không được hỗ trợ."),
                    Localized.Text("Send the body as application/json.", "Hãy gửi nội dung dạng application/json."), "unsupported_media_type");
                return;
            }
        }
        await next(http);
    }
}
