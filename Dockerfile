# Remandzana: built with the .NET SDK image, run on the ASP.NET Core runtime image as a
# non-root user. See README.md, "Deployment":
#   docker build -t remandzana .
#   docker run -d --name remandzana -p 8080:8080 \
#     -v remandzana-feedback:/data/feedback -v remandzana-reports:/data/reports \
#     -v remandzana-keys:/data/keys -v remandzana-audit:/data/audit -v remandzana-state:/data/state remandzana
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until a package changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Remandzana.Domain/Remandzana.Domain.csproj Remandzana.Domain/
COPY Remandzana.Web/Remandzana.Web.csproj Remandzana.Web/
RUN dotnet restore Remandzana.Web/Remandzana.Web.csproj
COPY appsettings.json ./
COPY wwwroot/ wwwroot/
COPY Remandzana.Domain/ Remandzana.Domain/
COPY Remandzana.Web/ Remandzana.Web/
RUN dotnet publish Remandzana.Web/Remandzana.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# Every setting can be given as Remandzana__Section__Key (see README, "Configuration").
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Remandzana__Feedback__Directory=/data/feedback \
    Remandzana__Reports__Directory=/data/reports \
    Remandzana__KeyRing__Directory=/data/keys \
    Remandzana__Console__AuditFile=/data/audit/operator-audit.jsonl \
    Remandzana__Console__StateDirectory=/data/state
# 1654 is the base image's unprivileged "app" user; the volumes are made its own. Owner-only: the key
# ring, the operator console's audit log and the settings and filters changed in the console
# (README, "Operator console").
RUN mkdir -p /data/feedback /data/reports /data/keys /data/audit /data/state && chown -R 1654:1654 /data \
    && chmod 700 /data/keys /data/audit /data/state
COPY --from=build /app ./
USER 1654
VOLUME ["/data/feedback", "/data/reports", "/data/keys", "/data/audit", "/data/state"]
# 8080: the site. Scaled out, silos also talk over TLS on Remandzana:Backplane:SiloPort (11111); no Orleans gateway.
EXPOSE 8080 11111
# The runtime image has no curl: the app asks its own /healthz (exit 0 when healthy; a fresh
# instance warms up for up to Remandzana:WarmUp:Seconds first, hence the start period).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "Remandzana.Web.dll", "--healthcheck"]
# docker stop sends SIGTERM: every open chat gets a last line and the app exits within seconds.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "Remandzana.Web.dll"]
