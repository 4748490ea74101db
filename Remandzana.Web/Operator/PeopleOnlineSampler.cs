using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>Notes the people online on this instance every <see cref="OverviewOptions.PeopleSampleSeconds"/>, for the overview's hour.</summary>
public sealed class PeopleOnlineSampler(ThisInstance instance, TimeProvider time, IOptions<OverviewOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PeopleSampleSeconds), time);
        try
        {
            do
            {
                instance.SamplePeople();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
