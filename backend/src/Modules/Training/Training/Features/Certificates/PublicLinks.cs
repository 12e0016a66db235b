using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Khcn.Training.Features.Certificates;

/// <summary>
/// Public addresses of the SPA that certificates and feeds print: <c>Training:PublicBaseUrl</c> when configured
/// (behind a proxy, the address people type), else the scheme and host of the current request.
/// </summary>
internal sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public const string BaseUrlKey = "Training:PublicBaseUrl";

    public string BaseUrl
    {
        get
        {
            var configured = configuration[BaseUrlKey];
            if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
        }
    }

    public string VerifyUrl(string code) => $"{BaseUrl}/verify/{Uri.EscapeDataString(code)}";

    /// <summary>A verification code: 160 random bits, base64url (27 characters, safe in a path).</summary>
    public static string NewVerificationCode() => Base64Url(RandomNumberGenerator.GetBytes(20));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
