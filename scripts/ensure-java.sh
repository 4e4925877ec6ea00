#!/bin/sh
# Make sure Java 17 or newer is there for the Spark engine and its test
# (tests/engines/test_spark.py; pyspark 4 needs Java 17+). Exits 0 at once when `java` on
# PATH is 17 or newer; otherwise installs Debian's openjdk-17-jre-headless with apt-get
# (needs root or sudo). Nothing is downloaded except that Debian package.
set -eu
java_major() {
    # `java -version` prints e.g.: openjdk version "17.0.15" 2025-04-15 (1.8.0_x for Java 8)
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -n 1 |
        awk '{ print ($1 == 1) ? $2 : $1 }'
}
if command -v java >/dev/null 2>&1 && [ "$(java_major)" -ge 17 ] 2>/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "ensure-java: Java 17+ is missing and this is not root;" \
             "install it with: apt-get install -y openjdk-17-jre-headless" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
# slim Debian images drop man pages, and the JRE's post-install step needs this folder
$SUDO mkdir -p /usr/share/man/man1
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends openjdk-17-jre-headless
# a newer JRE installed earlier keeps priority; otherwise 17 is now the default `java`
[ "$(java_major)" -ge 17 ]
