namespace Remandzana.Web.Operator;

/// <summary>The console's authentication scheme (<see cref="OperatorBasicHandler"/>) and the realm the browser's login prompt shows.</summary>
public static class OperatorBasicDefaults
{
    public const string AuthenticationScheme = "OperatorBasic";

    public const string Realm = "Remandzana operator";
}
