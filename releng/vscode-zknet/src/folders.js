// @ts-check
'use strict';
// The folders zknet never reads models from, as the command line and the language server skip them
// (org.zkvm.dsl.headless.ModelFiles.isIgnoredFolder; zknet's generated folders are known by a marker
// file only the server can see, and carry no .zknet files anyway).
const IGNORED = ['target', 'node_modules', 'src-gen', 'xtend-gen', 'bin'];

/** Whether a file path (with '/' separators) lies in an ignored or hidden folder. */
function isInIgnoredFolder(filePath) {
  return filePath.split('/').slice(0, -1).some((segment) => IGNORED.includes(segment) || segment.startsWith('.'));
}

module.exports = { isInIgnoredFolder, IGNORED };
