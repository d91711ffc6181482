# shellcheck shell=bash
# Finds a JDK (or, with "runtime", a Java runtime) of version 21 or newer and exports JAVA_HOME.
# Order: the user's JAVA_HOME, then the JDKs in /usr/lib/jvm (newest first), then java on PATH.
# Sourced by ./zknet, ./build and .ci/run.

zknet_java_major() { # JAVA_DIR -> prints the feature version, e.g. 25
	local dir=$1 version=""
	if [ -r "$dir/release" ]; then
		version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$dir/release")
	fi
	if [ -z "$version" ] && [ -x "$dir/bin/java" ]; then
		version=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p')
	fi
	printf '%s' "${version:-0}"
}

zknet_find_jdk() { # [runtime] -> exports JAVA_HOME or explains and returns 1
	local need=${1:-jdk} candidate major seen=""
	local -a candidates=()
	[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
	if [ -d /usr/lib/jvm ]; then
		while IFS= read -r candidate; do candidates+=("$candidate"); done < <(
			for candidate in /usr/lib/jvm/*/; do
				candidate=${candidate%/}
				[ -L "$candidate" ] && continue
				printf '%s %s\n' "$(zknet_java_major "$candidate")" "$candidate"
			done | sort -rn | cut -d' ' -f2-)
	fi
	if command -v java >/dev/null 2>&1; then
		candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
	fi
	for candidate in "${candidates[@]}"; do
		[ -x "$candidate/bin/java" ] || continue
		major=$(zknet_java_major "$candidate")
		seen="$seen $candidate (Java $major);"
		if [ "$major" -ge 21 ] && { [ "$need" = runtime ] || [ -x "$candidate/bin/javac" ]; }; then
			export JAVA_HOME=$candidate
			return 0
		fi
	done
	{
		echo "zknet needs a Java ${need/jdk/JDK} 21 or newer and found none."
		[ -n "$seen" ] && echo "Found:$seen"
		echo "Install one (for example Eclipse Temurin 21 or 25) and set JAVA_HOME to it."
	} >&2
	return 1
}
