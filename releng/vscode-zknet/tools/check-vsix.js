'use strict';
// Checks a built .vsix as VS Code would install it: the manifest is valid and everything it names is
// inside, the server jar is there and runs, and nothing of the build (tests, dev tools) is shipped.
// Usage: node tools/check-vsix.js target/zknet.vsix
const assert = require('node:assert');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { findJava } = require('../src/java');

/** The entries of a zip file, read from its central directory: name -> () => contents. */
function readZip(file) {
  const zip = fs.readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) {
    end--;
  }
  assert.ok(end >= 0, `${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.strictEqual(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 0 ? data : zlib.inflateRawSync(data);
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function check(vsix) {
  const entries = readZip(vsix);
  const has = (name) => entries.has(`extension/${name.replace(/^\.\//, '')}`);
  const manifest = JSON.parse(entries.get('extension/package.json')().toString('utf8'));

  assert.strictEqual(manifest.name, 'zknet');
  assert.ok(manifest.publisher, 'publisher');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert.ok(has(manifest.main), `main ${manifest.main} is packaged`);
  const [language] = manifest.contributes.languages;
  assert.strictEqual(language.id, 'zknet');
  assert.deepStrictEqual(language.extensions, ['.zknet']);
  assert.ok(has(language.configuration), 'language configuration is packaged');
  JSON.parse(entries.get(`extension/${language.configuration.replace(/^\.\//, '')}`)().toString('utf8'));
  const [grammar] = manifest.contributes.grammars;
  assert.ok(has(grammar.path), 'the TextMate grammar is packaged');
  const tm = JSON.parse(entries.get(`extension/${grammar.path.replace(/^\.\//, '')}`)().toString('utf8'));
  assert.strictEqual(tm.scopeName, grammar.scopeName);

  const extension = entries.get(`extension/${manifest.main.replace(/^\.\//, '')}`)().toString('utf8');
  for (const { command } of manifest.contributes.commands) {
    assert.ok(extension.includes(`registerCommand('${command}'`), `${command} has a handler`);
  }
  for (const name of ['src/java.js', 'node_modules/vscode-languageclient/package.json']) {
    assert.ok(has(name), `${name} is packaged`);
  }
  const shipped = [...entries.keys()];
  assert.deepStrictEqual(shipped.filter((e) => /^extension\/(test\/|node_modules\/(@vscode\/vsce|vscode-textmate)\/)/.test(e)), [],
    'tests and build tools are not shipped');

  assert.ok(has('server/zknet.jar'), 'the server jar is packaged');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zknet-vsix-'));
  const jar = path.join(dir, 'zknet.jar');
  fs.writeFileSync(jar, entries.get('extension/server/zknet.jar')());
  const java = findJava(undefined);
  assert.ok(!('error' in java), java.error);
  const run = childProcess.spawnSync(java.java, ['-jar', jar, '--version'], { encoding: 'utf8', timeout: 60000 });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.strictEqual(run.status, 0, `the packaged server does not run: ${run.stderr}`);
  assert.match(run.stdout, /zknet/);
  return shipped.length;
}

const vsix = process.argv[2];
const count = check(vsix);
console.log(`${vsix}: ${count} files, package.json valid, grammar and server jar inside, the server runs`);
