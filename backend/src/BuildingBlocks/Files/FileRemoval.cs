using Microsoft.EntityFrameworkCore;

namespace Khcn.BuildingBlocks.Files;

public static class FileRemoval
{
    /// <summary>
    /// Commits the removal of an attachment's row (<paramref name="db"/>'s pending changes), then deletes its stored bytes:
    /// the bytes go only once the row is gone for good, so a failed commit leaves the file whole. A file that cannot be
    /// deleted stays as a harmless orphan (nothing points at it); the removal itself is committed.
    /// </summary>
    public static async Task CommitThenDeleteAsync(this IFileStore files, DbContext db, string storageKey, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        try
        {
            await files.DeleteAsync(storageKey, ct);
        }
        catch (IOException)
        {
            // An orphaned file is harmless; see above.
        }
    }
}
