// @ts-check
'use strict';
// Finding a Java 21+ to run the bundled language server, the way ./zknet does: the setting first,
// then JAVA_HOME, then the JDKs installed where Linux and macOS put them (newest first), then PATH.
const fs = require('fs');
const path = require('path');
const childProcess = require('child_process');

const MINIMUM = 21;

/** The major version in `java -version` output ("21.0.4", "25", "1.8.0_402" is 8); undefined if none. */
function parseMajor(versionOutput) {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function javaIn(home) {
  return path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
}

/** Candidate java executables, most preferred first, each with where it came from. */
function candidates(configuredHome, env, listDir) {
  const found = [];
  if (configuredHome) {
    found.push({ java: javaIn(configuredHome), from: 'the setting zknet.java.home' });
  }
  if (env.JAVA_HOME) {
    found.push({ java: javaIn(env.JAVA_HOME), from: 'JAVA_HOME' });
  }
  for (const root of ['/usr/lib/jvm', '/Library/Java/JavaVirtualMachines']) {
    const homes = listDir(root)
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
      .map((name) => (root.startsWith('/Library') ? path.join(root, name, 'Contents', 'Home') : path.join(root, name)));
    for (const home of homes) {
      found.push({ java: javaIn(home), from: root });
    }
  }
  found.push({ java: process.platform === 'win32' ? 'java.exe' : 'java', from: 'PATH' });
  return found;
}

function listDirectory(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function versionOf(java) {
  try {
    const result = childProcess.spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 10000 });
    if (result.error) {
      return undefined;
    }
    return parseMajor(`${result.stderr}\n${result.stdout}`);
  } catch {
    return undefined;
  }
}

/**
 * The first Java 21+ among the candidates, or an explanation of what was tried.
 * @returns {{java: string, version: number} | {error: string}}
 */
function findJava(configuredHome, env = process.env, listDir = listDirectory, version = versionOf) {
  const tried = [];
  for (const candidate of candidates(configuredHome, env, listDir)) {
    const major = version(candidate.java);
    if (major !== undefined && major >= MINIMUM) {
      return { java: candidate.java, version: major };
    }
    tried.push(`${candidate.java} (${candidate.from}): ${major === undefined ? 'not a usable java' : `Java ${major}`}`);
    if (candidate.from === 'the setting zknet.java.home') {
      return { error: `zknet.java.home points to ${configuredHome}, which has no Java ${MINIMUM} or newer (${tried[0]}).` };
    }
  }
  return {
    error: `zknet needs Java ${MINIMUM} or newer to run its language server and found none. Tried:\n${tried.join('\n')}\n`
      + 'Install a JDK 21+ (for example Eclipse Temurin) and set zknet.java.home to its folder.',
  };
}

module.exports = { findJava, parseMajor, candidates, MINIMUM };
