using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using System.Text;
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
    /// <summary>The record's own text.</summary>
    public const int BodyLength = 4000;
    /// <summary>The text of all its attachments together (each file brings at most AttachmentText.MaxChars).</summary>
    public const int AttachmentsLength = 200_000;
    public const int StoredBodyLength = BodyLength + AttachmentsLength;

    /// <summary>
    /// Starts an attachment's part of <see cref="Body"/>: the file name, a new line, the file's text. A paragraph
    /// separator: a space to the folding and a word break to both engines, and never in a file name.
    /// </summary>
    public const char AttachmentMark = '\u2029';

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public Guid RecordId { get; set; }
    public Guid UnitId { get; set; }
    public SearchReach Reach { get; set; }
    public Guid? AgencyId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The record's text, then each attachment's part (<see cref="AttachmentMark"/>).</summary>
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
        Body = ComposeBody(doc);
        Status = doc.Status;
        Date = doc.Date;
        Link = Cut(doc.Link, 300);
        FoldedTitle = VietnameseText.Fold(Title);
        FoldedText = Cut(VietnameseText.FoldAll(Title, Body), TitleLength + StoredBodyLength + 1);
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

    /// <summary>The record's own text, then the text of each attachment that has any, under its file name.</summary>
    private static string ComposeBody(SearchDocument doc)
    {
        var body = new StringBuilder(Cut((doc.Body ?? "").Replace(AttachmentMark, ' '), BodyLength));
        foreach (var file in doc.Attachments ?? [])
        {
            if (string.IsNullOrWhiteSpace(file.Text)) continue;
            var part = AttachmentMark + file.FileName.Replace(AttachmentMark, ' ').Replace('\n', ' ') + "\n" + file.Text.Replace(AttachmentMark, ' ');
            body.Append(Cut(part, StoredBodyLength - body.Length));
            if (body.Length >= StoredBodyLength) break;
        }
        return body.ToString();
    }

    /// <summary>The parts of a stored body: the record's own text (no file name), then each attachment's.</summary>
    public static IEnumerable<(string? FileName, string Text)> PartsOf(string body)
    {
        var parts = body.Split(AttachmentMark);
        yield return (null, parts[0]);
        foreach (var part in parts.Skip(1))
        {
            var newLine = part.IndexOf('\n');
            yield return newLine < 0 ? (part, "") : (part[..newLine], part[(newLine + 1)..]);
        }
    }
}
