using System.Globalization;

namespace Khcn.BuildingBlocks.Domain;

/// <summary>
/// The one way to word a message the user reads (problem titles and details, field errors, rule refusals): the
/// English and the Vietnamese text side by side at the throw site, picked by the request's UI culture, which
/// comes from Accept-Language (English when absent or unsupported). ADR 0009.
/// </summary>
public static class Localized
{
    /// <summary>The two languages the API answers in; the first is the default.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "vi"];

    /// <summary>True while serving a request that asked for Vietnamese.</summary>
    public static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";

    /// <summary>
    /// The text in the caller's language. Resolved when called, so call it where the message is made (inside the
    /// request), never into a static field.
    /// </summary>
    public static string Text(string english, string vietnamese) => IsVietnamese ? vietnamese : english;
}
