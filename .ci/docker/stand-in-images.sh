#!/usr/bin/env bash
# Builds local stand-ins for mcr.microsoft.com/dotnet/{sdk,aspnet}:10.0, which cannot be
# pulled here, so the real Dockerfile builds unchanged: a Debian bookworm minbase root
# filesystem (debootstrap from the machine's own Debian mirror) plus this machine's .NET.
# Cached: the stand-ins are rebuilt only when missing or when the host's .NET changes.
# Needs: docker (DOCKER_HOST pointing at a running daemon), debootstrap, root.
set -euo pipefail

dotnet_root=${DOTNET_ROOT:-/usr/share/dotnet}
fingerprint="$("$dotnet_root/dotnet" --version)-$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | tr '\n' ' ')"
base=local/debian:bookworm
sdk=mcr.microsoft.com/dotnet/sdk:10.0
aspnet=mcr.microsoft.com/dotnet/aspnet:10.0

label_of() { docker image inspect --format '{{ index .Config.Labels "remandzana.stand-in" }}' "$1" 2>/dev/null || true; }

if [ "$(label_of "$sdk")" = "$fingerprint" ] && [ "$(label_of "$aspnet")" = "$fingerprint" ]; then
  echo "stand-in images are up to date ($fingerprint)"
  exit 0
fi

work=$(mktemp -d /var/tmp/remandzana-stand-ins.XXXXXX)
trap 'rm -rf "$work"' EXIT

if ! docker image inspect "$base" >/dev/null 2>&1; then
  # The mirror this machine's apt uses (the first URIs line of the bookworm entry).
  mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "debootstrap bookworm from $mirror"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
    bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
  tar -C "$work/rootfs" -c . | docker import - "$base"
  rm -rf "$work/rootfs"
fi

# Build contexts of hard links (same file system) so nothing large is copied twice.
mkdir -p "$work/aspnet/dotnet" "$work/sdk/certs"
for part in dotnet host shared; do
  cp -al "$dotnet_root/$part" "$work/aspnet/dotnet/" 2>/dev/null || cp -a "$dotnet_root/$part" "$work/aspnet/dotnet/"
done
cp -al "$dotnet_root" "$work/sdk/dotnet" 2>/dev/null || cp -a "$dotnet_root" "$work/sdk/dotnet"
cp /usr/local/share/ca-certificates/*.crt "$work/sdk/certs/" 2>/dev/null || true

cat >"$work/aspnet/Dockerfile" <<DOCKERFILE
FROM $base
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --no-create-home --shell /bin/false app
ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_ROOT=/usr/share/dotnet
LABEL remandzana.stand-in="$fingerprint"
DOCKERFILE

cat >"$work/sdk/Dockerfile" <<DOCKERFILE
FROM $base
COPY dotnet /usr/share/dotnet
COPY certs/ /usr/local/share/ca-certificates/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && update-ca-certificates >/dev/null
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=offline
LABEL remandzana.stand-in="$fingerprint"
DOCKERFILE

export DOCKER_BUILDKIT=0
docker build --quiet --network host --rm --force-rm -t "$aspnet" "$work/aspnet"
docker build --quiet --network host --rm --force-rm -t "$sdk" "$work/sdk"
echo "stand-in images built ($fingerprint)"
