using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Remandzana.Web.Controllers.Operator;

namespace Remandzana.Web.Operator;

/// <summary>
/// While no operator is configured, the console's actions are not routed at all: every spelling
/// of every /operator path, with any method, gets what an unknown address gets (a 404, never a
/// 405 that would tell a console is there).
/// </summary>
public sealed class ConsoleOnlyWithOperators(OperatorPasswords passwords) : IActionDescriptorProvider
{
    /// <summary>After the controllers' own provider (order -1000) has listed them.</summary>
    public int Order => 0;

    public void OnProvidersExecuting(ActionDescriptorProviderContext context)
    {
    }

    public void OnProvidersExecuted(ActionDescriptorProviderContext context)
    {
        if (passwords.AnyConfigured)
        {
            return;
        }

        for (var i = context.Results.Count - 1; i >= 0; i--)
        {
            if (context.Results[i] is ControllerActionDescriptor action && action.ControllerTypeInfo.IsSubclassOf(typeof(OperatorController)))
            {
                context.Results.RemoveAt(i);
            }
        }
    }
}
