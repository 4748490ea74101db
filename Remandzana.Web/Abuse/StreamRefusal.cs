namespace Remandzana.Web.Abuse;

/// <summary>Why a chat page was not opened, or <see cref="None"/>.</summary>
public enum StreamRefusal
{
    None,

    /// <summary>The site holds as many streams as it is configured for (503).</summary>
    SiteFull,

    /// <summary>This address holds as many chat pages as it may (429).</summary>
    TooManyOpen,

    /// <summary>This address opened too many chat pages this minute (429).</summary>
    TooManyNew,
}
