using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Hosting;
using Remandzana.Web.Operator;
using Remandzana.Web.Sessions;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

if (HashPasswordCommand.IsRequested(args))
{
    return HashPasswordCommand.Run();
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot/ sit at the repository top level and are copied next to the app.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Logging.AddSiteLogging(builder.Host);
builder.Host.UseChatCluster(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddControllersWithViews();
builder.Services.AddChat(builder.Configuration);
builder.Services.AddSiteLinks();
builder.Services.AddAbuseResistance();
builder.Services.AddModeration();
builder.Services.AddFeedback();
builder.Services.AddReports();
builder.Services.AddDebugView();
builder.Services.AddTranscripts();
builder.Services.AddProxySupport();
builder.Services.AddOperationalHealthChecks();
builder.Services.AddRequestLogging();
builder.Services.AddQuietStart();
builder.Services.AddKestrelTuning();
builder.Services.AddCaptcha();
builder.Services.AddPrometheusMetrics();
builder.Services.AddLanguagesAndInterests();
builder.Services.AddOperatorConsole();
builder.Services.AddConsoleOverview();
builder.Services.AddConsoleReports();
builder.Services.AddSiteSettings();
builder.Services.AddChatFilters();

var app = builder.Build();

// First: every later step (logging included) sees the client's address as nginx forwarded it.
app.UseForwardedHeaders();
app.UsePrometheusMetrics();
app.UseHeadAsGet();
app.UseRequestLocalization();
app.UseRouting();
app.UseRequestLogging();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSecurityHeaders();
app.UseOperatorGate();
app.UseOperatorConsole();
app.UseImmutableStaticFiles();
app.UseRateLimiter();
app.UsePasses();
app.MapOperationalHealthChecks();
app.MapSendForm();
app.MapControllers();

app.Run();
return 0;

public partial class Program;
