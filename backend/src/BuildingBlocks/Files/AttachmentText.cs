using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;

namespace Khcn.BuildingBlocks.Files;

/// <summary>
/// The words inside an attachment, for the KH,CN&amp;ĐMST search (ADR 0014): the text of a PDF or a DOCX, at most
/// <see cref="AttachmentText.MaxChars"/> characters; null for other types and for a file that cannot be read.
/// Never throws on a damaged file: the attachment is kept, only its text is not indexed.
/// </summary>
public interface IAttachmentTextExtractor
{
    Task<string?> ExtractAsync(Stream content, string contentType, CancellationToken ct);
}

/// <summary>Reads an attachment's text once, when it is uploaded; the owning record stores it beside the file.</summary>
public static class AttachmentText
{
    /// <summary>At most this many characters of one file are kept (a long report's first pages carry its subject).</summary>
    public const int MaxChars = 100_000;

    /// <summary>A file that takes longer than this to read is indexed without its text.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Extracts the text of the file just stored under <paramref name="attachment"/>.</summary>
    public static async Task<string?> ReadTextAsync(this IAttachmentTextExtractor extractor, IFileStore files, Attachment attachment,
        CancellationToken ct)
    {
        await using var content = files.OpenRead(attachment.StorageKey);
        return await extractor.ExtractAsync(content, attachment.ContentType, ct);
    }
}

internal sealed class AttachmentTextExtractor(ILogger<AttachmentTextExtractor> log) : IAttachmentTextExtractor
{
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<string?> ExtractAsync(Stream content, string contentType, CancellationToken ct)
    {
        if (contentType is not (Pdf or Docx)) return null;
        try
        {
            // The parsers read from memory (at most the 20 MB upload limit) on a worker thread, so a file that makes
            // them spin is abandoned after the time limit instead of holding the request.
            var bytes = new MemoryStream();
            await content.CopyToAsync(bytes, ct);
            using var stop = new CancellationTokenSource(AttachmentText.TimeLimit);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stop.Token);
            var text = await Task.Run(() => contentType == Pdf ? ReadPdf(bytes.ToArray(), linked.Token) : ReadDocx(bytes, linked.Token), linked.Token)
                .WaitAsync(linked.Token);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("The text of a {ContentType} attachment took longer than {Seconds} s to read; indexed without it",
                contentType, AttachmentText.TimeLimit.TotalSeconds);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The text of a {ContentType} attachment could not be read; indexed without it", contentType);
            return null;
        }
    }

    private static string ReadPdf(byte[] bytes, CancellationToken ct)
    {
        using var document = PdfDocument.Open(bytes);
        var text = new Capped();
        foreach (var page in document.GetPages())
        {
            ct.ThrowIfCancellationRequested();
            // Words rather than page.Text: the latter runs the letters of a line together when the PDF places them one by one.
            if (!text.Add(string.Join(' ', page.GetWords().Select(w => w.Text)))) break;
        }
        return text.ToString();
    }

    private static string ReadDocx(Stream bytes, CancellationToken ct)
    {
        bytes.Position = 0;
        using var document = WordprocessingDocument.Open(bytes, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null) return "";
        var text = new Capped();
        foreach (var paragraph in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            ct.ThrowIfCancellationRequested();
            if (!text.Add(paragraph.InnerText)) break;
        }
        return text.ToString();
    }

    /// <summary>Paragraphs or pages joined by new lines, cut at <see cref="AttachmentText.MaxChars"/>.</summary>
    private sealed class Capped
    {
        private readonly StringBuilder _sb = new();

        public bool Add(string part)
        {
            if (string.IsNullOrWhiteSpace(part)) return true;
            if (_sb.Length > 0) _sb.Append('\n');
            _sb.Append(part.Trim());
            if (_sb.Length < AttachmentText.MaxChars) return true;
            _sb.Length = AttachmentText.MaxChars;
            return false;
        }

        public override string ToString() => _sb.ToString();
    }
}
