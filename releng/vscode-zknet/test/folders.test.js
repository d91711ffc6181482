'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { isInIgnoredFolder } = require('../src/folders');

test('models in build output, dependencies and hidden folders are ignored', () => {
  assert.ok(isInIgnoredFolder('/ws/target/classes/a.zknet'));
  assert.ok(isInIgnoredFolder('/ws/node_modules/pkg/a.zknet'));
  assert.ok(isInIgnoredFolder('/ws/.git/a.zknet'));
  assert.ok(isInIgnoredFolder('/ws/.out.zknet-new-1/a.zknet'));
});

test('models elsewhere are not', () => {
  assert.ok(!isInIgnoredFolder('/ws/models/a.zknet'));
  assert.ok(!isInIgnoredFolder('/ws/targets/a.zknet'));
  assert.ok(!isInIgnoredFolder('/ws/a.zknet'));
});
