# Sourced by ./platform.sh and .ci/run: exports JAVA_HOME as a JDK of at least 21 (the build targets Java 21).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
select_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" $(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")") \
                   /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
JAVA_HOME="$(select_jdk)" || { echo "No JDK 21 or newer found: install one and set JAVA_HOME." >&2; return 1 2>/dev/null || exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.9 on JDK 24+ warns about sun.misc.Unsafe unless told this; older JDKs do not know the option.
JAVA_UNSAFE_OPT=""
if [ "$(java_major "$JAVA_HOME")" -ge 23 ]; then JAVA_UNSAFE_OPT="--sun-misc-unsafe-memory-access=allow"; fi
case " ${MAVEN_OPTS:-} " in *unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" ;; esac
