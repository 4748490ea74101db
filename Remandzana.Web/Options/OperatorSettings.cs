namespace Remandzana.Web.Options;

/// <summary>Remandzana:Operators:{name} — one operator of the console.</summary>
public sealed class OperatorSettings
{
    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format, as <c>--hash-password</c> prints it.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>Moderator</c> (the default) or <c>Admin</c>.</summary>
    public string Role { get; set; } = "Moderator";
}
