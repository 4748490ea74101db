# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Remandzana.sln ./
COPY Remandzana.Domain/Remandzana.Domain.csproj Remandzana.Domain/
COPY Remandzana.Web/Remandzana.Web.csproj Remandzana.Web/
RUN dotnet restore Remandzana.Web/Remandzana.Web.csproj
COPY appsettings.json ./
COPY wwwroot/ wwwroot/
COPY Remandzana.Domain/ Remandzana.Domain/
COPY Remandzana.Web/ Remandzana.Web/
RUN dotnet publish Remandzana.Web/Remandzana.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Remandzana__Feedback__Directory=/data/feedback \
    Remandzana__KeyRing__Directory=/data/keys
RUN mkdir -p /data/feedback /data/keys && chown -R 1654:1654 /data
USER 1654
EXPOSE 8080
ENTRYPOINT ["dotnet", "Remandzana.Web.dll"]
