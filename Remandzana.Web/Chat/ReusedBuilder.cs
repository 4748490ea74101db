using System.Text;

namespace Remandzana.Web.Chat;

/// <summary>
/// One <see cref="StringBuilder"/> per thread for markup that is composed and written out
/// synchronously (taken, filled, written, given back before any await). A builder that grew past
/// <see cref="KeptCapacity"/> (a long hostile text) is not kept.
/// </summary>
public static class ReusedBuilder
{
    private const int KeptCapacity = 16 * 1024;

    [ThreadStatic]
    private static StringBuilder? _kept;

    public static StringBuilder Take()
    {
        var builder = _kept ?? new StringBuilder(KeptCapacity);
        _kept = null;
        return builder;
    }

    public static void Give(StringBuilder builder)
    {
        if (builder.Capacity <= KeptCapacity)
        {
            _kept = builder.Clear();
        }
    }
}
