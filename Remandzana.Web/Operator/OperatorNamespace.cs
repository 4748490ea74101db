using System.Diagnostics.CodeAnalysis;

// The console's agreed namespace; "Operator" is a keyword in Visual Basic only, which never consumes this assembly.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Remandzana.Web.Operator", Justification = "The console's agreed namespace; no Visual Basic consumer.")]
