#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a fixed time (issue 7):
#   Fuzz/run.sh [seconds-per-target=60] [target ...]
# Targets: callback tagga-xml tagget-json reply-length sanitizer (all by default).
#
# Each fuzzer is the parser's own source files, its harness (Fuzz/Harnesses/*FuzzHarness.swift, the same code the
# corpus replay test in `swift test` runs) and a libFuzzer entry (Fuzz/Entry/<target>.swift), compiled by swiftc
# with -sanitize=fuzzer,address into one module: no dependency graph to instrument. The files are copied first with
# their `import Switchboard…` lines taken out, since they all become that one module.
# New inputs are merged (-merge=1, minimal) into Fuzz/Corpus/<target>/; a crash, hang or property violation is
# saved in Fuzz/Crashes/<target>/. Fuzz/Seeds/<target>/ holds the hand-written seeds, never rewritten.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(callback tagga-xml tagget-json reply-length sanitizer)
build="${FUZZ_BUILD_DIR:-$root/.build-fuzz}"
# libFuzzer reports a crash itself: Swift's own backtracer would hang under AddressSanitizer.
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
mkdir -p "$build"

engine=Sources/SwitchboardEngine
console=Sources/SwitchboardConsole
text=Sources/SwitchboardText
harness=Fuzz/Harnesses
sources() {
  case "$1" in
    callback)
      echo $engine/Receiver/{CallbackParser,MultipartFormData,Windows1252}.swift $engine/HTTP/FormURLEncoding.swift \
        $engine/Receiver/{InboundCallback,MessageEncoding,RawCallbackRequest}.swift $harness/CallbackFuzzHarness.swift ;;
    tagga-xml)
      echo $engine/Tagga/{TaggaResponse,TaggaReturnCode}.swift $harness/TaggaResponseFuzzHarness.swift ;;
    tagget-json)
      echo $engine/Tagget/{TaggetWireResponse,TaggetSendOutcome,TaggetAnswerClassifier,RetryAfter}.swift \
        $harness/TaggetAnswerFuzzHarness.swift ;;
    reply-length)
      echo $engine/Rules/{ReplyLengthRule,ReplyLengthReport,ReplyLengthOffender,ReplyCharset}.swift \
        $engine/Rules/{GSMAlphabet,CarrierSegments,LatinReplacement}.swift $harness/ReplyLengthFuzzHarness.swift ;;
    sanitizer)
      echo $console/Screen/*.swift $text/*.swift $harness/SanitizerFuzzHarness.swift ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
  esac
}

build_target() {
  local target="$1" binary="$build/$1"
  local files
  read -r -a files <<<"$(sources "$target") Fuzz/Entry/$target.swift"
  # Rebuilt only when one of its sources (or this script) is newer than the binary.
  if [ -x "$binary" ] && [ -z "$(find "${files[@]}" Fuzz/run.sh -newer "$binary")" ]; then return; fi
  echo "building $target" >&2
  local copies="$build/sources/$target" copied=()
  rm -rf "$copies" && mkdir -p "$copies"
  for file in "${files[@]}"; do
    local copy="$copies/$(basename "$file")"
    sed -E '/^(@testable )?import Switchboard/d' "$file" >"$copy"
    copied+=("$copy")
  done
  # ld.gold warns "Cannot export local symbol" for Swift's hidden symbols: harmless, filtered.
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -package-name switchboard \
    -module-name "Fuzz_${target//-/_}" -I Sources/CWidth "${copied[@]}" -o "$binary" 2>&1 \
    | { grep -v -e "Cannot export local symbol" -e "^$" || true; }
  [ -x "$binary" ]
}

run_target() {
  local target="$1" binary="$build/$1"
  local corpus="Fuzz/Corpus/$target" crashes="Fuzz/Crashes/$target" seeds="Fuzz/Seeds/$target"
  local found="$build/found/$target" merged="$build/merged/$target" log="$build/$target.log"
  mkdir -p "$corpus" "$crashes" "$seeds"
  rm -rf "$found" "$merged" && mkdir -p "$found" "$merged"
  local dict=() && [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=(-dict="Fuzz/Dictionaries/$target.dict")
  local before && before="$(find "$crashes" -type f | wc -l)"
  # New inputs go to $found; the checked-in corpus and the seeds are read, not written.
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1024 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" "$found" "$corpus" "$seeds" >"$log" 2>&1 || true
  # The corpus is kept minimal: the smallest inputs that cover everything the old corpus and the new finds cover.
  "$binary" -merge=1 "$merged" "$corpus" "$found" >"$log.merge" 2>&1
  rm -rf "$corpus" && mv "$merged" "$corpus"
  local runs rate files bytes crashed
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  files="$(find "$corpus" -type f | wc -l)"
  bytes="$(find "$corpus" -type f -exec cat {} + | wc -c)"
  crashed=$(($(find "$crashes" -type f | wc -l) - before))
  printf '%-13s %8s %12s %9s %8s %9s %8s\n' "$target" "$seconds" "${runs:-?}" "${rate:-?}" "$files" "$(((bytes + 1023) / 1024))K" \
    "$crashed"
  if [ "$crashed" -gt 0 ]; then grep -E -m5 "ERROR|Fatal error|SUMMARY" "$log" | sed 's/^/    /' >&2 || true; fi
}

for target in "${targets[@]}"; do build_target "$target"; done
printf '%-13s %8s %12s %9s %8s %9s %8s\n' target seconds executions exec/s corpus size crashes
for target in "${targets[@]}"; do run_target "$target"; done
