# Sourced by the benchmark scripts: builds `switchboard` in release and sets $binary to its absolute path.
# SWITCHBOARD_SCRATCH picks the build folder (default .build), for those who keep one for release builds.
scratch=${SWITCHBOARD_SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product switchboard >/dev/null 2>&1
binary=$(cd "$scratch/release" && pwd)/switchboard
