using System.Security.Cryptography;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;

namespace Khcn.BuildingBlocks.Files;

public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>Where attachment bytes live. Records keep the key; the default keeps files under DataDir/files.</summary>
public interface IFileStore
{
    Task<StoredFile> SaveAsync(string area, Stream content, CancellationToken ct);
    Stream OpenRead(string key);
    Task DeleteAsync(string key, CancellationToken ct);
}

internal sealed class LocalFileStore(DatabaseOptions database) : IFileStore
{
    private string Root => Path.Combine(database.DataDir, "files");

    public async Task<StoredFile> SaveAsync(string area, Stream content, CancellationToken ct)
    {
        var key = $"{area}/{DateTime.UtcNow:yyyy}/{Guid.CreateVersion7():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        await file.FlushAsync(ct);
        return new StoredFile(key, size, Convert.ToHexString(sha.GetHashAndReset()));
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(Root, key));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Invalid file key.", nameof(key));
        return full;
    }
}

/// <summary>
/// The attachment types the platform accepts (PDF, DOCX, XLSX, PNG, JPEG), recognised by their content, not by the
/// name the client sent: a renamed executable is refused.
/// </summary>
public static class FileTypes
{
    public const long MaxAttachmentBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>
    {
        ["application/pdf"] = ".pdf",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
    };

    /// <summary>The content type the bytes really are, or a 400 naming what is accepted.</summary>
    public static async Task<string> DetectAsync(Stream content, string fileName, CancellationToken ct)
    {
        var head = new byte[8];
        var n = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        content.Position = 0;
        string? type = null;
        if (n >= 4 && head[0] == 0x25 && head[1] == 0x50 && head[2] == 0x44 && head[3] == 0x46) type = "application/pdf";
        else if (n >= 8 && head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) type = "image/png";
        else if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) type = "image/jpeg";
        else if (n >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04) type = OfficeTypeOf(content);
        content.Position = 0;
        if (type is null)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["file"] = [Localized.Text($"'{fileName}' is not a PDF, DOCX, XLSX, PNG or JPEG file.",
                    $"Tệp '{fileName}' không phải là PDF, DOCX, XLSX, PNG hoặc JPEG.")],
            });
        return type;
    }

    private static string? OfficeTypeOf(Stream content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (zip.GetEntry("xl/workbook.xml") is not null) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
