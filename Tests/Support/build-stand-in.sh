#!/usr/bin/env bash
# Builds the stand-in daemon (Tests/Support/stand-in-daemon) against this checkout's Sources/Systemd in a
# scratch package and prints the binary's path. Used to check systemd-e2e.sh without the real daemon.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${STAND_IN_SCRATCH:-/tmp/tariffwatch-stand-in}
mkdir -p "$scratch/Sources"
ln -sfn "$repo/Sources/CSystemd" "$scratch/Sources/CSystemd"
ln -sfn "$repo/Sources/SharedLibraries" "$scratch/Sources/SharedLibraries"
ln -sfn "$repo/Sources/Systemd" "$scratch/Sources/Systemd"
ln -sfn "$repo/Tests/Support/stand-in-daemon" "$scratch/Sources/StandIn"
# Reuse the main checkout's resolved dependencies when they exist, so no network is needed.
deps="$repo/.build/checkouts"
log_dep='.package(url: "https://github.com/apple/swift-log", from: "1.16.2")'
system_dep='.package(url: "https://github.com/apple/swift-system", from: "1.8.1")'
[[ -d $deps/swift-log ]] && log_dep=".package(path: \"$deps/swift-log\")"
[[ -d $deps/swift-system ]] && system_dep=".package(path: \"$deps/swift-system\")"
cat >"$scratch/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "stand-in",
    dependencies: [$log_dep, $system_dep],
    targets: [
        .systemLibrary(name: "CSystemd"),
        .target(name: "SharedLibraries"),
        .target(name: "Systemd", dependencies: [
            "CSystemd",
            "SharedLibraries",
            .product(name: "SystemPackage", package: "swift-system"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault"), .enableUpcomingFeature("MemberImportVisibility")]),
        .executableTarget(name: "StandIn", dependencies: ["Systemd"]),
    ]
)
SWIFT
swift build --package-path "$scratch" -c release --product StandIn >&2
echo "$(swift build --package-path "$scratch" -c release --show-bin-path)/StandIn"
