#!/usr/bin/env bash
# Starts the whole Exchange platform on this machine with embedded defaults: no Docker, no root, only a JDK 21+.
#   ./platform.sh            build what changed, then start everything (data kept in .platform/)
#   ./platform.sh --reset    start afresh: delete the local data first
#   ./platform.sh --reset-keycloak   delete Keycloak's data only; the services' data is kept and onboarded partners
#                                    and appointed roles are given back to the new Keycloak (--help: every option)
set -euo pipefail
cd "$(dirname "$0")"
. infra/launcher/select-jdk.sh

echo "Building the platform (the first build downloads dependencies and takes a few minutes)..."
# forceCreation: a service whose own classes did not change is still repackaged with the shared modules that did
./mvnw -q -B -DskipTests -Dmaven.jar.forceCreation=true package
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED $JAVA_UNSAFE_OPT \
  -jar infra/launcher/target/exchange-launcher-0.1.0-SNAPSHOT-exec.jar "$@"
