using System.Globalization;
using System.Text;
using Khcn.BuildingBlocks.Text;
using Khcn.Platform.Features.Search;

namespace Khcn.Platform.Domain;

/// <summary>
/// The words of a query and where they match in a record's original text (ADR 0014). Matching is on the folded
/// form (lower case, no diacritics, đ → d) at the start of a word, like the full-text index's prefix terms, and the
/// ranges point into the original text, so "chinh sach" marks "Chính sách".
/// </summary>
internal static class SearchHighlighter
{
    public const int SnippetLength = 220;

    /// <summary>The query's words, folded: letters and digits only (also what keeps the engines' query syntax out), at most 8.</summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        var folded = VietnameseText.Fold(query);
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in folded + " ")
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(c); continue; }
            if (sb.Length > 0 && !words.Contains(sb.ToString())) words.Add(sb.ToString());
            sb.Clear();
        }
        return words.Take(8).ToList();
    }

    /// <summary>Folds <paramref name="text"/> one character for one, so positions in the result are positions in the original.</summary>
    public static string FoldAligned(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is 'đ' or 'Đ') { chars[i] = 'd'; continue; }
            if (char.IsSurrogate(c) || c < 128) { chars[i] = char.ToLowerInvariant(c); continue; }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var b = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
            chars[i] = char.ToLowerInvariant(b == default ? c : b);
        }
        return new string(chars);
    }

    /// <summary>Every place a word of <paramref name="words"/> starts a word of <paramref name="text"/>, merged, in order.</summary>
    public static IReadOnlyList<SearchMark> Marks(string text, IReadOnlyList<string> words)
    {
        if (string.IsNullOrEmpty(text) || words.Count == 0) return [];
        var folded = FoldAligned(text);
        var spans = new List<(int Start, int End)>();
        foreach (var word in words)
        {
            for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && char.IsLetterOrDigit(folded[at - 1])) continue;
                var end = at + word.Length;
                while (end < folded.Length && char.IsLetterOrDigit(folded[end])) end++; // the whole word the prefix starts
                spans.Add((at, end));
            }
        }
        var merged = new List<SearchMark>();
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && merged[^1].Start + merged[^1].Length >= start)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Start + last.Length, end) - last.Start };
            }
            else merged.Add(new SearchMark(start, end - start));
        }
        return merged;
    }

    /// <summary>
    /// The snippet of a stored body (<see cref="SearchEntry.Body"/>): from the record's own text when a word matches
    /// there, else from the first attachment whose text matches, naming that file; the record's text when none does
    /// (a hit by its title).
    /// </summary>
    public static (string Text, IReadOnlyList<SearchMark> Marks, string? FileName) SnippetOfBody(string body, IReadOnlyList<string> words)
    {
        var parts = SearchEntry.PartsOf(body).ToList();
        foreach (var (fileName, text) in parts)
        {
            var (snippet, marks) = Snippet(text, words);
            if (marks.Count > 0) return (snippet, marks, fileName);
        }
        var (own, none) = Snippet(parts[0].Text, words);
        return (own, none, null);
    }

    /// <summary>About <see cref="SnippetLength"/> characters of <paramref name="body"/> around its first match (its start when none), with the marks inside it.</summary>
    public static (string Text, IReadOnlyList<SearchMark> Marks) Snippet(string body, IReadOnlyList<string> words)
    {
        if (string.IsNullOrEmpty(body)) return ("", []);
        var marks = Marks(body, words);
        var from = marks.Count == 0 ? 0 : Math.Max(0, marks[0].Start - 60);
        if (from > 0)
        {
            var space = body.IndexOf(' ', from);
            from = space >= 0 && space < marks[0].Start ? space + 1 : from;
        }
        var to = Math.Min(body.Length, from + SnippetLength);
        if (to < body.Length)
        {
            var space = body.LastIndexOf(' ', to);
            if (space > from + SnippetLength / 2) to = space;
        }
        var prefix = from > 0 ? "… " : "";
        var text = prefix + body[from..to] + (to < body.Length ? " …" : "");
        var inside = marks.Where(m => m.Start >= from && m.Start < to)
            .Select(m => new SearchMark(m.Start - from + prefix.Length, Math.Min(m.Length, to - m.Start))).ToList();
        return (text, inside);
    }
}
