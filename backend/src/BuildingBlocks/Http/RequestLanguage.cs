using System.Globalization;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.BuildingBlocks.Http;

/// <summary>
/// The language of the answer's messages from Accept-Language: Vietnamese or English, English when the header is
/// absent or names neither (ADR 0009). Only the UI culture follows the header; formatting stays the process's.
/// </summary>
public static class RequestLanguage
{
    public static IServiceCollection AddApiLanguages(this IServiceCollection services)
    {
        ValidationMessages.UseApiLanguages();
        var formatting = CultureInfo.CurrentCulture;
        return services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(formatting, new CultureInfo(Localized.Languages[0]));
            o.SupportedCultures = [formatting];
            o.SupportedUICultures = Localized.Languages.Select(l => new CultureInfo(l)).ToList();
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
    }

    /// <summary>First in the pipeline, so the error handler writing a problem sees the language too.</summary>
    public static IApplicationBuilder UseApiLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();
}
