using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Console:Overview — the console's overview at /operator.</summary>
public sealed class OverviewOptions
{
    public const string Section = "Remandzana:Console:Overview";

    /// <summary>How long the overview waits for each instance's numbers before showing it as not answering.</summary>
    [Range(100, 30_000, ErrorMessage = "Remandzana:Console:Overview:AnswerMilliseconds must be between 100 and 30000.")]
    public int AnswerMilliseconds { get; set; } = 2_000;

    /// <summary>How often each instance notes its people online for the hour's line.</summary>
    [Range(1, 60, ErrorMessage = "Remandzana:Console:Overview:PeopleSampleSeconds must be between 1 and 60.")]
    public int PeopleSampleSeconds { get; set; } = 10;
}
