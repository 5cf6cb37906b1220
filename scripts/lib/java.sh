# Shared by ./chatalot, ./run-tests and .ci/run: find a JDK 21 or newer.
# Order: $JAVA_HOME, then the newest under /usr/lib/jvm (and macOS's JavaVirtualMachines), then java on PATH.

java_major_version() {
    # prints the feature version of the java binary given, e.g. 21 or 25; nothing if it does not run
    local version
    version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
    [ -n "$version" ] && echo "${version#1.}"
}

find_java_home() {
    local candidate major best="" best_major=0
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$candidate" ] && candidates+=("$candidate")
    done
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)")
    fi
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major_version "$candidate/bin/java") || continue
        [ -n "$major" ] || continue
        if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
        if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "chatalot: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm and java on PATH)." >&2
        echo "chatalot: install one (e.g. Temurin 21+) and/or set JAVA_HOME to it." >&2
        return 1
    fi
    echo "$best"
}

require_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "chatalot: Maven 3.8+ is needed to build (Debian/Ubuntu: sudo apt install maven)." >&2
        return 1
    fi
}
