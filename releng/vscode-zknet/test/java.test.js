'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { findJava, parseMajor } = require('../src/java');

test('parseMajor reads modern and legacy version strings', () => {
  assert.strictEqual(parseMajor('openjdk version "21.0.4" 2024-07-16'), 21);
  assert.strictEqual(parseMajor('openjdk version "25" 2025-09-16'), 25);
  assert.strictEqual(parseMajor('java version "1.8.0_402"'), 8);
  assert.strictEqual(parseMajor('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.strictEqual(parseMajor('bash: java: command not found'), undefined);
});

const jvm = (name) => path.join('/usr/lib/jvm', name, 'bin', 'java');

test('the newest JDK 21+ in /usr/lib/jvm wins over an old one on the PATH', () => {
  const versions = { [jvm('java-17-openjdk-amd64')]: 17, [jvm('temurin-25-jdk-amd64')]: 25, [jvm('temurin-21-jdk-amd64')]: 21, java: 17 };
  const found = findJava(undefined, {}, (dir) => (dir === '/usr/lib/jvm' ? Object.keys(versions).filter((j) => j !== 'java').map((j) => j.split('/')[4]) : []),
    (java) => versions[java]);
  assert.deepStrictEqual(found, { java: jvm('temurin-25-jdk-amd64'), version: 25 });
});

test('JAVA_HOME comes before the installed JDKs', () => {
  const found = findJava(undefined, { JAVA_HOME: '/opt/jdk21' }, () => ['temurin-25-jdk-amd64'],
    (java) => (java === path.join('/opt/jdk21', 'bin', 'java') ? 21 : 25));
  assert.strictEqual(found.java, path.join('/opt/jdk21', 'bin', 'java'));
});

test('a configured home without Java 21+ is an error naming the setting, not a silent fallback', () => {
  const found = findJava('/opt/jdk17', {}, () => [], (java) => (java.startsWith('/opt/jdk17') ? 17 : 25));
  assert.ok('error' in found);
  assert.match(found.error, /zknet\.java\.home points to \/opt\/jdk17/);
  assert.match(found.error, /Java 17/);
});

test('no Java at all says what was tried and what to do', () => {
  const found = findJava(undefined, { JAVA_HOME: '/opt/broken' }, () => [], () => undefined);
  assert.ok('error' in found);
  assert.match(found.error, /needs Java 21 or newer/);
  assert.match(found.error, /\/opt\/broken\/bin\/java \(JAVA_HOME\): not a usable java/);
  assert.match(found.error, /zknet\.java\.home/);
});
