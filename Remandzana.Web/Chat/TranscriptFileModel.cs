using System.Globalization;
using Remandzana.Domain.Lines;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Chat;

/// <summary>A saved conversation as a standalone HTML file: its lines oldest first, times in UTC, the site's look inlined.</summary>
public sealed record TranscriptFileModel(Notice Title, string SavedAt, string SavedAtIso, bool Truncated, IReadOnlyList<TranscriptFileLine> Lines, string Css, string StyleSource)
{
    public static TranscriptFileModel Of(SavedConversation saved, DateTimeOffset now, InlineStyle style)
    {
        var page = ChatPage.All.First(page => page.Entry == saved.Entry);
        var lines = new List<TranscriptFileLine>(saved.Lines.Count);
        DateOnly? day = null;
        foreach (var (at, line) in saved.Lines)
        {
            var utc = at.UtcDateTime;
            // The date shows on the first line and whenever it changes; the rest show the time of day.
            var shown = day == DateOnly.FromDateTime(utc) ? utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            day = DateOnly.FromDateTime(utc);
            lines.Add(new TranscriptFileLine(Iso(at), shown, line));
        }

        return new TranscriptFileModel(
            Notice.Of("{0}: a conversation on Remandzana", NoticeArgument.Wording(page.Title)),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            Iso(now),
            saved.Truncated,
            lines,
            style.Css,
            style.HashSource);
    }

    /// <summary>The file's name: the mode and the moment it was saved.</summary>
    public static string FileName(SavedConversation saved, DateTimeOffset now) =>
        $"remandzana-{ChatPage.All.First(page => page.Entry == saved.Entry).Path.Trim('/').Replace('/', '-')}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}Z.html";

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>One line of the file: when (ISO and as shown) and what.</summary>
public sealed record TranscriptFileLine(string AtIso, string AtShown, Line Line);
