using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>Why one application looks like another (#12: "the same title or near-same text in the same unit is shown to the reviewer").</summary>
public enum SimilarityReason { SameTitle, NearTitle, NearText }

/// <summary>
/// The duplicate-suspicion rule for initiatives. An initiative must be new within the unit that recognises it (Decree
/// 13/2012/NĐ-CP art. 3 cl. 1; Circular 18/2013/TT-BKHCN art. 4), so the reviewer is shown the unit's other applications
/// whose title is the same, or whose title or problem + solution text is nearly the same, compared without diacritics,
/// case or punctuation. It only flags: the council still judges novelty.
/// </summary>
internal static class DuplicateSuspicion
{
    /// <summary>Share of distinct title words two titles have in common (Jaccard) from which they count as near-same.</summary>
    public const decimal NearTitleThreshold = 0.75m;
    /// <summary>Share of three-word runs of problem + solution two applications have in common from which the text counts as near-same.</summary>
    public const decimal NearTextThreshold = 0.5m;
    /// <summary>Texts shorter than this many words are not compared by their runs (too little to judge).</summary>
    public const int MinTextWords = 8;

    internal sealed record Fingerprint(string Title, IReadOnlySet<string> TitleWords, IReadOnlySet<string> TextRuns);

    public static Fingerprint Of(string title, string problem, string solution)
    {
        var folded = Words(title);
        var text = Words($"{problem} {solution}");
        var runs = text.Count < MinTextWords ? new HashSet<string>() : Enumerable.Range(0, text.Count - 2).Select(i => $"{text[i]} {text[i + 1]} {text[i + 2]}").ToHashSet();
        return new Fingerprint(string.Join(' ', folded), folded.ToHashSet(), runs);
    }

    /// <summary>The strongest reason the two look alike with its similarity (0–1), or null when they do not.</summary>
    public static (SimilarityReason Reason, decimal Similarity)? Compare(Fingerprint a, Fingerprint b)
    {
        if (a.Title.Length > 0 && a.Title == b.Title) return (SimilarityReason.SameTitle, 1m);
        var title = Jaccard(a.TitleWords, b.TitleWords);
        var text = Jaccard(a.TextRuns, b.TextRuns);
        if (title >= NearTitleThreshold && title >= text) return (SimilarityReason.NearTitle, title);
        if (text >= NearTextThreshold) return (SimilarityReason.NearText, text);
        if (title >= NearTitleThreshold) return (SimilarityReason.NearTitle, title);
        return null;
    }

    private static List<string> Words(string text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();

    private static decimal Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0m;
        var common = a.Count(b.Contains);
        return (decimal)common / (a.Count + b.Count - common);
    }
}
