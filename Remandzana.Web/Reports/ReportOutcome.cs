namespace Remandzana.Web.Reports;

public enum ReportOutcome
{
    /// <summary>The others were reported; the reporter's conversation ended.</summary>
    Reported,

    /// <summary>Still waiting for someone: nobody to report.</summary>
    NobodyYet,

    /// <summary>Unknown or departed person: the chat has ended.</summary>
    Departed,
}
