namespace Khcn.Participation.Domain;

/// <summary>A unit's final result in a movement's year: its total and its points per criterion, in criterion order.</summary>
internal sealed record RankingEntry(Guid UnitId, decimal Total, bool Late, IReadOnlyList<decimal> PointsByCriterion);

/// <summary>A ranked entry: its rank (shared when tied after every rule) and which rule separated it from the one above.</summary>
internal sealed record RankedEntry(RankingEntry Entry, int Rank, bool Tied);

/// <summary>
/// The ranking of a cluster in a movement's year. The stated tie rule (<see cref="TieRule"/>): higher total first;
/// on equal totals, a unit that registered on time ranks above one that registered late; then the higher points on the
/// first criterion, then the second, and so on in the movement's order; units still equal share the rank (1, 2, 2, 4).
/// </summary>
internal static class EmulationRanking
{
    public const string TieRule =
        "Xếp theo tổng điểm cuối cùng (điểm thẩm định, nếu chưa thẩm định thì điểm tự chấm) từ cao xuống thấp; bằng tổng điểm thì đơn vị đăng ký đúng hạn xếp trên đơn vị đăng ký muộn, "
        + "rồi đến đơn vị có điểm cao hơn ở tiêu chí thứ nhất, thứ hai… theo thứ tự tiêu chí của phong trào; vẫn bằng nhau thì đồng hạng (1, 2, 2, 4).";

    public static IReadOnlyList<RankedEntry> Rank(IEnumerable<RankingEntry> entries)
    {
        var ordered = entries.OrderBy(e => e, Comparer).ToList();
        var result = new List<RankedEntry>(ordered.Count);
        for (var n = 0; n < ordered.Count; n++)
        {
            var tiedAbove = n > 0 && Comparer.Compare(ordered[n - 1], ordered[n]) == 0;
            var tiedBelow = n + 1 < ordered.Count && Comparer.Compare(ordered[n], ordered[n + 1]) == 0;
            result.Add(new RankedEntry(ordered[n], tiedAbove ? result[n - 1].Rank : n + 1, tiedAbove || tiedBelow));
        }
        return result;
    }

    private static readonly IComparer<RankingEntry> Comparer = Comparer<RankingEntry>.Create((a, b) =>
    {
        var byTotal = b.Total.CompareTo(a.Total);
        if (byTotal != 0) return byTotal;
        var byTime = a.Late.CompareTo(b.Late);
        if (byTime != 0) return byTime;
        for (var i = 0; i < Math.Max(a.PointsByCriterion.Count, b.PointsByCriterion.Count); i++)
        {
            var pa = i < a.PointsByCriterion.Count ? a.PointsByCriterion[i] : 0m;
            var pb = i < b.PointsByCriterion.Count ? b.PointsByCriterion[i] : 0m;
            var byCriterion = pb.CompareTo(pa);
            if (byCriterion != 0) return byCriterion;
        }
        return 0;
    });
}
