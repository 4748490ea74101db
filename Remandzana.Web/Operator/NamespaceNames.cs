using System.Diagnostics.CodeAnalysis;

// The console's folders are named by the product's word (CONSOLE.md); no other language consumes this assembly.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The console's fixed folder name", Scope = "namespace", Target = "~N:Remandzana.Web.Operator")]
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The console's fixed folder name", Scope = "namespace", Target = "~N:Remandzana.Web.Controllers.Operator")]
