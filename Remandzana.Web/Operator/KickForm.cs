namespace Remandzana.Web.Operator;

/// <summary>The kick form as the operator filled it in: a nickname in global chat, or a report's file name.</summary>
public sealed record KickForm(string Nickname = "", string Report = "", string Message = "", string BarMinutes = "");
