using Remandzana.Web.Grains;
namespace Remandzana.Web.Security;

/// <summary>A certificate file that could not be read; the message says why, the caller names the setting.</summary>
public sealed class CertificateFileException(string message, Exception inner) : Exception(message, inner);
