using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Platform.Domain;

/// <summary>
/// One document of the KH,CN&amp;ĐMST search index (ADR 0014): the record's texts as published by its module, their
/// folded forms (what the full-text index holds: lower case, no diacritics, đ → d), and what scopes it. The integer
/// <see cref="Id"/> is the full-text row key (SQLite FTS5 rowid, SQL Server's full-text key index).
/// </summary>
internal sealed class SearchEntry : INotAudited
{
    public const int TitleLength = 500;
    public const int BodyLength = 4000;

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public Guid RecordId { get; set; }
    public Guid UnitId { get; set; }
    public SearchReach Reach { get; set; }
    public Guid? AgencyId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Status { get; set; }
    public DateOnly? Date { get; set; }
    public string Link { get; set; } = "";
    /// <summary>The folded title (ranked above the text).</summary>
    public string FoldedTitle { get; set; } = "";
    /// <summary>The folded title and body together: what a query's words must all be found in.</summary>
    public string FoldedText { get; set; } = "";
    /// <summary>When the module published this version: an older event arriving late never overwrites it.</summary>
    public DateTime AsOfUtc { get; set; }
    /// <summary>A tombstone: the record was deleted (its texts are emptied; a late older change cannot revive it).</summary>
    public bool Removed { get; set; }

    /// <summary>Takes <paramref name="doc"/> unless this entry already holds a newer version; false when skipped.</summary>
    public bool Apply(SearchDocument doc, DateTime asOfUtc)
    {
        if (AsOfUtc > asOfUtc) return false;
        Kind = doc.Kind;
        RecordId = doc.Id;
        UnitId = doc.UnitId;
        Reach = doc.Reach;
        AgencyId = doc.AgencyId;
        Title = Cut(doc.Title, TitleLength);
        Body = Cut(doc.Body ?? "", BodyLength);
        Status = doc.Status;
        Date = doc.Date;
        Link = Cut(doc.Link, 300);
        FoldedTitle = VietnameseText.Fold(Title);
        FoldedText = Cut(VietnameseText.FoldAll(Title, Body), TitleLength + BodyLength + 1);
        AsOfUtc = asOfUtc;
        Removed = false;
        return true;
    }

    public bool Remove(DateTime asOfUtc)
    {
        if (AsOfUtc > asOfUtc) return false;
        Title = Body = FoldedTitle = FoldedText = "";
        Removed = true;
        AsOfUtc = asOfUtc;
        return true;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
