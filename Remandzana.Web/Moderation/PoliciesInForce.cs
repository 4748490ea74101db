using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Moderation;

/// <summary>
/// The policies of each mode in force on this instance: appsettings.json's until an operator
/// changes them (<see cref="Operator.SiteSettings"/>). A room reads them for each message (a field, no call).
/// </summary>
public sealed class PoliciesInForce(PoliciesByMode configured)
{
    private volatile PoliciesByMode _current = configured;

    public PoliciesByMode Current
    {
        get => _current;
        set => _current = value;
    }
}
