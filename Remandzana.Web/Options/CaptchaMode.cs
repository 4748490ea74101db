namespace Remandzana.Web.Options;

/// <summary>When a chat page first asks for a solved captcha.</summary>
public enum CaptchaMode
{
    Off,
    Always,

    /// <summary>Only while the site opens more new chats per minute than <see cref="CaptchaOptions.PressureChatsPerMinute"/>.</summary>
    UnderPressure,
}
