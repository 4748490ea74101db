namespace Remandzana.Web.Abuse;

public enum FormProblem
{
    None,

    /// <summary>The body is larger than the limit (413).</summary>
    TooLarge,

    /// <summary>Not a form, a field is missing or repeated, invalid UTF-8, or control characters where none belong (400).</summary>
    Malformed,
}
