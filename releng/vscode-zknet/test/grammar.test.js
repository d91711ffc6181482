'use strict';
// The TextMate grammar, run by the engine VS Code runs it with (vscode-textmate + oniguruma), on
// the seed models and against the language's own grammar: every keyword of Zknet.xtext is coloured.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const ROOT = path.join(__dirname, '..', '..', '..');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'zknet.tmLanguage.json'), 'utf8'), 'zknet.tmLanguage.json'),
  });
  return registry.loadGrammar('source.zknet');
}

/** [text, innermost scope] of every token in the text. */
function tokenize(grammar, text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push([line.substring(token.startIndex, token.endIndex), token.scopes[token.scopes.length - 1]]);
    }
    state = result.ruleStack;
  }
  return tokens;
}

function scopeOf(tokens, text) {
  const token = tokens.find(([t]) => t === text);
  assert.ok(token, `no token '${text}'`);
  return token[1];
}

test('the seed network is coloured by kind', async () => {
  const grammar = await loadGrammar();
  const tokens = tokenize(grammar, fs.readFileSync(path.join(ROOT, 'examples/seed-network/z13a.zknet'), 'utf8'));
  assert.match(scopeOf(tokens, 'cec'), /^storage\.type/);
  assert.match(scopeOf(tokens, 'Z13A'), /^entity\.name\.type/);
  assert.match(scopeOf(tokens, 'o5s_10g_1'), /^entity\.name\.type/);
  assert.match(scopeOf(tokens, 'chpid'), /^keyword/);
  assert.match(scopeOf(tokens, 'proxy-arp'), /^keyword/);
  assert.match(scopeOf(tokens, 'kvm'), /^constant\.language/);
  assert.match(scopeOf(tokens, '10.131.11.254/8'), /^constant\.numeric\.ip/);
  assert.match(scopeOf(tokens, '0.0.f500'), /^constant\.numeric\.busid/);
  assert.match(scopeOf(tokens, '64K'), /^constant\.numeric\.size/);
  assert.ok(tokens.some(([t, s]) => t.startsWith('// The seed') && s.startsWith('comment.line')), 'the opening comment');
});

test('IPv6 addresses and prefixes are coloured as addresses, whole', async () => {
  const grammar = await loadGrammar();
  const tokens = tokenize(grammar, fs.readFileSync(path.join(ROOT, 'examples/seed-network-dualstack/z13a.zknet'), 'utf8'));
  for (const address of ['2001:db8:10:131::11/48', 'fd00:56::1/64', '2001:db8:10:136:11::254/80', '2001:db8:10:136:11::254']) {
    assert.match(scopeOf(tokens, address), /^constant\.numeric\.ipv6/, address);
  }
  assert.match(scopeOf(tokens, 'proxy-ndp'), /^keyword/);
  assert.match(scopeOf(tokens, 'ipv6'), /^keyword/);
});

test('every keyword of the language grammar is coloured', async () => {
  const grammar = await loadGrammar();
  const xtext = fs.readFileSync(path.join(ROOT, 'org.zkvm.dsl/src/org/zkvm/dsl/Zknet.xtext'), 'utf8')
    .split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
  const terminals = xtext.substring(xtext.indexOf('terminal '));
  const keywords = new Set([...xtext.substring(0, xtext.indexOf('terminal ')).matchAll(/'([A-Za-z][\w+-]*)'/g)].map((m) => m[1]));
  assert.ok(keywords.size > 100, `found only ${keywords.size} keywords`);
  assert.ok(terminals.length > 0);
  const uncoloured = [...keywords].filter((keyword) => {
    const [token] = tokenize(grammar, keyword);
    return token[0] !== keyword || !/^(keyword|storage\.type|constant\.language)/.test(token[1]);
  });
  assert.deepStrictEqual(uncoloured, []);
});

test('comments in all three styles and strings', async () => {
  const grammar = await loadGrammar();
  const tokens = tokenize(grammar, '# hash\n/* block\n still */ network n 10.0.0.0/8\nworkload w uperf "rr1c-200x1000--10" from a to b');
  assert.match(scopeOf(tokens, '# hash'), /^comment\.line\.number-sign/);
  assert.match(scopeOf(tokens, ' still '), /^comment\.block/);
  assert.match(scopeOf(tokens, 'rr1c-200x1000--10'), /^string\.quoted/);
  assert.match(scopeOf(tokens, 'network'), /^storage\.type/);
});
