using Microsoft.AspNetCore.Mvc;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Captcha;

/// <summary>
/// What the captcha says to a chat page: go ahead (holding the pass's place until the page ends),
/// or the page to answer instead (a challenge, or a refusal).
/// </summary>
public sealed class Admission : IAsyncDisposable
{
    public static readonly Admission Open = new(null, null, null);

    private readonly IPassGrain? _pass;
    private readonly IDisposable? _inUse;
    private int _left;

    private Admission(IActionResult? refusal, IPassGrain? pass, IDisposable? inUse)
    {
        Refusal = refusal;
        _pass = pass;
        _inUse = inUse;
    }

    public IActionResult? Refusal { get; }

    public static Admission Refused(IActionResult page) => new(page, null, null);

    public static Admission Holding(IPassGrain pass, IDisposable inUse) => new(null, pass, inUse);

    public async ValueTask DisposeAsync()
    {
        if (_pass is null || Interlocked.Exchange(ref _left, 1) == 1)
        {
            return;
        }

        _inUse?.Dispose();
        try
        {
            await _pass.Leave();
        }
        catch (Exception e) when (Cluster.ClusterFailure.Is(e))
        {
            // The pass's grain is unreachable; it holds one place too many until the pass expires.
        }
    }
}
