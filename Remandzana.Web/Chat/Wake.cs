namespace Remandzana.Web.Chat;

/// <summary>Why a waiting chat stream was woken; several reasons may have piled up.</summary>
[Flags]
public enum Wake
{
    None = 0,

    /// <summary>Lines arrived in the mailbox, or it closed: read it.</summary>
    Lines = 1,

    /// <summary>The shared heartbeat reached this stream's slot.</summary>
    Heartbeat = 2,

    /// <summary>The browser went away or the server is stopping.</summary>
    Aborted = 8,
}
