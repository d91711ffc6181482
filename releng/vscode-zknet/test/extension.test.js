'use strict';
// The extension's own code run against a stand-in for the VS Code API (VS Code itself cannot be
// downloaded here): activation starts the real server jar with the options the client would use,
// and the Generate command runs the real zknet and reports its outcome.
const test = require('node:test');
const assert = require('node:assert');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const ROOT = path.join(__dirname, '..', '..', '..');
const JAR = path.join(ROOT, 'releng', 'org.zkvm.dsl.cli', 'target', 'zknet.jar');

/** A stand-in for the parts of the vscode API the extension uses, recording what it is asked. */
function fakeVscode(workspaceFolder) {
  const calls = { commands: new Map(), info: [], errors: [], output: [] };
  const vscode = {
    calls,
    Uri: { file: (p) => ({ fsPath: p, path: p }) },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Beside: -2 },
    window: {
      createOutputChannel: () => ({ append: (s) => calls.output.push(s), appendLine: (s) => calls.output.push(`${s}\n`), show() {}, dispose() {} }),
      showErrorMessage: (m) => { calls.errors.push(m); return Promise.resolve(undefined); },
      showInformationMessage: (m) => { calls.info.push(m); return Promise.resolve(undefined); },
      withProgress: (_options, task) => task({ report() {} }, { onCancellationRequested() {} }),
      activeTextEditor: undefined,
      createWebviewPanel: () => ({ webview: {} }),
      showWorkspaceFolderPick: () => Promise.resolve(undefined),
    },
    workspace: {
      getConfiguration: () => ({ get: (_key, fallback) => fallback }),
      createFileSystemWatcher: () => ({ dispose() {} }),
      workspaceFolders: [workspaceFolder],
      getWorkspaceFolder: () => workspaceFolder,
    },
    commands: {
      registerCommand: (id, handler) => { calls.commands.set(id, handler); return { dispose() {} }; },
      executeCommand: () => Promise.resolve(),
    },
  };
  return vscode;
}

/** Loads src/extension.js with the stand-ins for 'vscode' and the language client. */
function loadExtension(vscode, clients) {
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions });
      clients.push(this);
    }

    start() { return Promise.resolve(); }

    stop() { return Promise.resolve(); }
  }
  const resolve = Module._resolveFilename;
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') {
      return vscode;
    }
    if (request === 'vscode-languageclient/node') {
      return { LanguageClient };
    }
    return load.call(this, request, ...rest);
  };
  try {
    const file = require.resolve('../src/extension.js');
    delete require.cache[file];
    return require(file);
  } finally {
    Module._load = load;
    Module._resolveFilename = resolve;
  }
}

function context(extensionRoot) {
  return { subscriptions: [], asAbsolutePath: (p) => path.join(extensionRoot, p), storageUri: undefined };
}

/** An extension folder holding the server jar, as the .vsix does. */
function extensionFolder() {
  assert.ok(fs.existsSync(JAR), `${JAR} is missing: build the command line first (./mvnw install -pl releng/org.zkvm.dsl.cli)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zknet-ext-'));
  fs.mkdirSync(path.join(dir, 'server'));
  fs.copyFileSync(JAR, path.join(dir, 'server', 'zknet.jar'));
  return dir;
}

function workspaceWith(example) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zknet-ws-'));
  fs.cpSync(path.join(ROOT, 'examples', example), dir, { recursive: true });
  return { uri: { fsPath: dir, path: dir }, name: 'ws', index: 0 };
}

/** One LSP message over stdio: Content-Length framing, as vscode-languageclient sends it. */
function frame(message) {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('activation registers the commands and starts the server the client can talk to', async () => {
  const folder = workspaceWith('seed-network');
  const vscode = fakeVscode(folder);
  const clients = [];
  const extension = loadExtension(vscode, clients);
  await extension.activate(context(extensionFolder()));
  assert.deepStrictEqual([...vscode.calls.commands.keys()].sort(), ['zknet.generate', 'zknet.openReport', 'zknet.restartServer']);
  assert.strictEqual(clients.length, 1);
  const { serverOptions, clientOptions } = clients[0];
  assert.deepStrictEqual(clientOptions.documentSelector, [{ scheme: 'file', language: 'zknet' }]);
  assert.deepStrictEqual(serverOptions.args.slice(-3, -1), ['-jar', path.join(path.dirname(serverOptions.args.at(-2)), 'zknet.jar')]);
  assert.strictEqual(serverOptions.args.at(-1), 'lsp');

  // what the client would start answers an LSP initialize on stdio
  const server = childProcess.spawn(serverOptions.command, serverOptions.args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const answer = new Promise((resolve, reject) => {
    let received = '';
    const timer = setTimeout(() => reject(new Error(`no initialize result; got ${received}`)), 60000);
    server.stdout.on('data', (data) => {
      received += data.toString();
      const body = received.split('\r\n\r\n')[1];
      if (body && received.includes('"capabilities"')) {
        try {
          resolve(JSON.parse(body));
          clearTimeout(timer);
        } catch {
          // not complete yet
        }
      }
    });
  });
  server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: `file://${folder.uri.fsPath}`, capabilities: {} } }));
  const result = await answer;
  server.kill();
  assert.strictEqual(result.id, 1);
  assert.ok(result.result.capabilities.hoverProvider, 'hover');
  assert.ok(result.result.capabilities.codeActionProvider, 'code actions');
});

test('Generate writes the configurations and the report, and says where', async () => {
  const folder = workspaceWith('seed-network');
  const vscode = fakeVscode(folder);
  const extension = loadExtension(vscode, []);
  await extension.activate(context(extensionFolder()));
  await vscode.calls.commands.get('zknet.generate')();
  const out = path.join(folder.uri.fsPath, 'zknet-out');
  assert.deepStrictEqual(vscode.calls.errors, [], vscode.calls.output.join(''));
  assert.ok(fs.existsSync(path.join(out, 'Z13A', 'LPAR11', 'setup.sh')), 'the host script');
  assert.ok(fs.existsSync(path.join(out, 'report', 'zknet-report.html')), 'the report');
  assert.deepStrictEqual(vscode.calls.info, [`zknet wrote the configurations to ${out}.`]);
});

test('Generate on a model with errors writes nothing and says why', async () => {
  const folder = workspaceWith('seed-network');
  fs.copyFileSync(path.join(ROOT, 'examples', 'pitfalls', 'mtu.range.zknet'), path.join(folder.uri.fsPath, 'broken.zknet'));
  const vscode = fakeVscode(folder);
  const extension = loadExtension(vscode, []);
  await extension.activate(context(extensionFolder()));
  await vscode.calls.commands.get('zknet.generate')();
  assert.ok(!fs.existsSync(path.join(folder.uri.fsPath, 'zknet-out')), 'nothing is written');
  assert.deepStrictEqual(vscode.calls.errors, ['zknet: the model has errors (see Problems); nothing was written.']);
  assert.match(vscode.calls.output.join(''), /error \[/);
});
