// @ts-check
'use strict';
// The zknet extension: starts the bundled language server (server/zknet.jar, `zknet lsp`) with a
// Java 21+, and offers the command line's generate and report as commands.
const fs = require('fs');
const os = require('os');
const path = require('path');
const childProcess = require('child_process');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findJava } = require('./java');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel} */
let output;

function settings() {
  return vscode.workspace.getConfiguration('zknet');
}

function serverJar(context) {
  return context.asAbsolutePath(path.join('server', 'zknet.jar'));
}

/** The Java to run zknet with, or undefined after telling the user why there is none. */
function java() {
  const found = findJava(settings().get('java.home') || undefined);
  if ('error' in found) {
    output.appendLine(found.error);
    vscode.window.showErrorMessage(found.error.split('\n')[0], 'Open Settings', 'Show Details').then((choice) => {
      if (choice === 'Open Settings') {
        vscode.commands.executeCommand('workbench.action.openSettings', 'zknet.java.home');
      } else if (choice === 'Show Details') {
        output.show();
      }
    });
    return undefined;
  }
  return found.java;
}

async function startServer(context) {
  const javaPath = java();
  if (!javaPath) {
    return;
  }
  const jvmArgs = settings().get('server.vmargs', []);
  const serverOptions = { command: javaPath, args: [...jvmArgs, '-jar', serverJar(context), 'lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'zknet' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.zknet') },
    outputChannel: output,
  };
  client = new LanguageClient('zknet', 'zknet language server', serverOptions, clientOptions);
  await client.start();
}

/** The workspace folder of the active .zknet editor, else the only folder, else one the user picks. */
async function modelFolder() {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active && vscode.workspace.getWorkspaceFolder(active);
  if (folder) {
    return folder;
  }
  const folders = vscode.workspace.workspaceFolders || [];
  if (folders.length === 1) {
    return folders[0];
  }
  if (folders.length === 0) {
    vscode.window.showErrorMessage('Open a folder with .zknet models first.');
    return undefined;
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder whose models zknet reads' });
}

/** Runs `zknet ARGS` with progress; resolves to its exit code (1: the model has errors, 2: bad usage). */
function runZknet(context, title, args) {
  const javaPath = java();
  if (!javaPath) {
    return Promise.resolve(undefined);
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => new Promise((resolve) => {
    output.appendLine(`$ zknet ${args.join(' ')}`);
    const child = childProcess.spawn(javaPath, ['-jar', serverJar(context), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (data) => output.append(data.toString()));
    child.stderr.on('data', (data) => output.append(data.toString()));
    token.onCancellationRequested(() => child.kill('SIGINT'));
    child.on('error', (error) => {
      output.appendLine(String(error));
      resolve(undefined);
    });
    child.on('close', (code) => resolve(code));
  }));
}

function reportFailure(code) {
  const message = code === 1
    ? 'zknet: the model has errors (see Problems); nothing was written.'
    : 'zknet could not run; see the zknet output.';
  vscode.window.showErrorMessage(message, 'Show Output').then((choice) => choice && output.show());
}

async function generate(context) {
  const folder = await modelFolder();
  if (!folder) {
    return;
  }
  const out = path.join(folder.uri.fsPath, settings().get('generate.outputFolder', 'zknet-out'));
  const code = await runZknet(context, 'zknet: generating configurations', ['generate', folder.uri.fsPath, '-o', out]);
  if (code === 0) {
    const choice = await vscode.window.showInformationMessage(`zknet wrote the configurations to ${out}.`, 'Open Report', 'Reveal');
    if (choice === 'Open Report') {
      showReport(path.join(out, 'report', 'zknet-report.html'));
    } else if (choice === 'Reveal') {
      vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(out));
    }
  } else if (code !== undefined) {
    reportFailure(code);
  }
}

async function openReport(context) {
  const folder = await modelFolder();
  if (!folder) {
    return;
  }
  const storage = context.storageUri ? context.storageUri.fsPath : fs.mkdtempSync(path.join(os.tmpdir(), 'zknet-'));
  const out = path.join(storage, 'report');
  const code = await runZknet(context, 'zknet: building the report', ['report', folder.uri.fsPath, '-o', out, '--format', 'html']);
  if (code === 0) {
    showReport(path.join(out, 'zknet-report.html'));
  } else if (code !== undefined) {
    reportFailure(code);
  }
}

/** The report in an editor tab: a static page (no scripts; it carries its own content security policy). */
function showReport(file) {
  const panel = vscode.window.createWebviewPanel('zknetReport', 'zknet report', vscode.ViewColumn.Beside, { enableScripts: false });
  panel.webview.html = fs.readFileSync(file, 'utf8');
}

async function activate(context) {
  output = vscode.window.createOutputChannel('zknet');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('zknet.generate', () => generate(context)),
    vscode.commands.registerCommand('zknet.openReport', () => openReport(context)),
    vscode.commands.registerCommand('zknet.restartServer', async () => {
      if (client) {
        await client.stop();
      }
      await startServer(context);
    }),
  );
  await startServer(context);
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
