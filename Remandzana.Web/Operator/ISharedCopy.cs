namespace Remandzana.Web.Operator;

/// <summary>This instance's copy of something the console changes for the whole site, read again by <see cref="SharedCopiesWatch"/>.</summary>
public interface ISharedCopy
{
    /// <summary>What it is, for the log ("the site settings", "the filters").</summary>
    string What { get; }

    /// <summary>Reads the site's version again and puts it in force here.</summary>
    Task Refresh();
}
