using System.Globalization;
using System.Text;

namespace Khcn.BuildingBlocks.Text;

/// <summary>
/// Folds Vietnamese text for search: lower case, no diacritics, "đ" → "d", single spaces.
/// Stored beside the searchable fields and applied to the query, so "hung yen" finds "Hưng Yên" on every provider.
/// </summary>
public static class VietnameseText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Replace('Đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The search column value for several fields at once.</summary>
    public static string FoldAll(params string?[] parts) => Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
}
