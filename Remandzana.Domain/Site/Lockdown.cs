namespace Remandzana.Domain.Site;

/// <summary>The operator's lockdown switch: how the site lets new chats open, whatever the captcha's own mode says.</summary>
public enum Lockdown
{
    /// <summary>New chats open as the other settings say.</summary>
    Normal,

    /// <summary>Every new chat page asks for a solved captcha, as the captcha's Always mode does.</summary>
    CaptchaEveryChat,

    /// <summary>New chat pages are refused with a "closed for now" page; conversations already open go on.</summary>
    NoNewChats,
}
