# The JVM options the Chatalot server runs with; sourced (not run) by bin/chatalot, which the systemd units
# start, and by ./chatalot in a source checkout, so that both start the server the same way:
#   server_jvm_options JAVA FEATURE_VERSION JAR CACHE_DIR
# fills the array SERVER_JVM_OPTIONS. JAVA_OPTS (from the environment or /etc/chatalot/chatalot.env) goes after
# these on the command line, so its -Xmx or collector wins (docs/operations.md, "Memory").
#
# The start-up cache (docs/operations.md, "Start-up cache"), in CACHE_DIR, off with CHATALOT_STARTUP_CACHE=off:
# - JDK 25 and newer: an ahead-of-time cache (JEP 483/514/515). It is made by a training run (the server started
#   on a temporary data directory and loopback, then stopped: a few seconds, once) the first time the server
#   starts on a new jar, JDK or set of options, and mapped by every start after that. A cache from another jar or
#   JDK is never used: its stamp (the JDK's release file and size of libjvm, the jar's size and time, the
#   options) no longer matches, so it is made again. If the training fails, the server starts without a cache
#   and the training is not tried again until the stamp changes. The JVM itself also checks the cache and
#   ignores one that does not fit, so a damaged file slows the start but never stops it.
# - JDK 21 to 24: a class-data-sharing archive, which the JVM writes at the first exit and maps afterwards.

# Heap for a small server: it starts at 32 MiB and grows, as the live data needs it, to at most 512 MiB, which holds
# about 2,000 open sockets plus a login storm's Argon2 memory (figures in docs/operations.md). Left to itself the
# JVM takes a quarter of the machine's memory as the limit and a sixty-fourth as the start (376 MiB on a 24 GiB
# box), and fills that with garbage before it collects: a 100 MB upload grew the process by 42 MiB that way,
# against 1.5 MiB from a 32 MiB start.
SERVER_DEFAULT_HEAP="${SERVER_DEFAULT_HEAP:-512m}"
SERVER_INITIAL_HEAP="${SERVER_INITIAL_HEAP:-32m}"

# The JIT compilers' threads and the password hashing threads (Java's lowest priority, which only they use) at
# nice 10, every other thread of the JVM at nice 0, where all run by default: on a box with one or two cores a
# compilation or an Argon2 hash then yields the core to the threads that read, store and deliver messages instead
# of taking turns with them. Once the policy is 1 the JVM maps Java's ten priorities to nice values of its own
# (some below 0, which only root may set), so the others are mapped back to 0. What it did to chat latency:
# docs/operations.md, "The JIT compilers' priority".
SERVER_PRIORITY_OPTIONS=(-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10 -XX:JavaPriority1_To_OSPriority=10)
for priority in 2 3 4 5 6 7 8 9 10; do
    SERVER_PRIORITY_OPTIONS+=("-XX:JavaPriority${priority}_To_OSPriority=0")
done
unset priority

# Fills SERVER_COLLECTOR_OPTIONS: the serial collector, on every box. The JVM picks it itself on one core, and G1 on
# two or more, whose young generation grows under an upload's allocation rate (one 100 MB upload grew the server by
# 12-117 MiB, against 2-4 MiB with the serial collector); the benchmark runs the server on one core, so this way
# every box runs the collector that was measured. A JAVA_OPTS that names a collector (-XX:+UseG1GC, …) replaces
# it: two would stop the JVM.
server_collector_options() {
    local option
    SERVER_COLLECTOR_OPTIONS=(-XX:+UseSerialGC)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    for option in ${JAVA_OPTS:-}; do
        case "$option" in
            -XX:+Use*GC) SERVER_COLLECTOR_OPTIONS=() ;;
        esac
    done
}

server_jvm_options() {
    local java="$1" feature="$2" jar="$3" cache_dir="$4"
    # Growing class metadata triggers no full collection before 128 MB.
    server_collector_options
    SERVER_JVM_OPTIONS=("-Xms$SERVER_INITIAL_HEAP" "-Xmx$SERVER_DEFAULT_HEAP" "${SERVER_COLLECTOR_OPTIONS[@]}"
        -XX:MetaspaceSize=128m "${SERVER_PRIORITY_OPTIONS[@]}")
    if [ "${CHATALOT_STARTUP_CACHE:-on}" = "off" ] || ! mkdir -p "$cache_dir" 2>/dev/null \
            || [ ! -w "$cache_dir" ]; then
        return 0
    fi
    if [ "$feature" -ge 25 ] 2>/dev/null; then
        server_aot_cache "$java" "$jar" "$cache_dir/server.aot"
    else
        SERVER_JVM_OPTIONS+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$cache_dir/server-jdk$feature.jsa"
            -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
}

# What the cache depends on, as one line: it is remade whenever this changes.
server_aot_stamp() {
    local java="$1" jar="$2" home
    home="$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd)"
    printf '%s|%s|%s|%s|%s\n' "$home" "$(cksum <"$home/release" 2>/dev/null)" \
        "$(stat -c '%s %Y' "$home/lib/server/libjvm.so" 2>/dev/null)" "$(stat -c '%s %Y' "$jar")" \
        "${SERVER_JVM_OPTIONS[*]} ${JAVA_OPTS:-}"
}

server_aot_cache() {
    local java="$1" jar="$2" cache="$3" stamp
    stamp="$(server_aot_stamp "$java" "$jar")"
    if { [ -f "$cache" ] && [ "$(cat "$cache.stamp" 2>/dev/null)" = "$stamp" ]; } \
            || { [ "$(cat "$cache.failed" 2>/dev/null)" != "$stamp" ] \
                && server_aot_train "$java" "$jar" "$cache" "$stamp"; }
    then
        # JDK 25 warns about parts of a cache it cannot use (e.g. "Failed to link AdapterHandlerEntry") at
        # every start; errors (a damaged file, one from another JVM) still show.
        SERVER_JVM_OPTIONS+=("-XX:AOTCache=$cache" "-Xlog:aot*=error")
    fi
}

# The training run: written to a temporary file and renamed, so a start never sees half a cache.
server_aot_train() {
    local java="$1" jar="$2" cache="$3" stamp="$4" tmp="$3.$$.tmp" timeout=()
    echo "chatalot: preparing the start-up cache for this version and JDK (once, a few seconds)…" >&2
    command -v timeout >/dev/null 2>&1 && timeout=(timeout 600)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    if "${timeout[@]}" "$java" "${SERVER_JVM_OPTIONS[@]}" ${JAVA_OPTS:-} "-XX:AOTCacheOutput=$tmp" -Xlog:aot=off \
            -Xlog:cds=off -jar "$jar" --aot-training >"$cache.log" 2>&1 && [ -s "$tmp" ]; then
        mv -f "$tmp" "$cache"
        echo "$stamp" >"$cache.stamp"
        rm -f "$cache.failed"
        return 0
    fi
    rm -f "$tmp" "$tmp.config"
    echo "$stamp" >"$cache.failed"
    echo "chatalot: the start-up cache could not be made (see $cache.log); starting without it." >&2
    return 1
}
