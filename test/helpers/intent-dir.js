'use strict';
/**
 * Jest setup: create intents (see src/resources/provider-kit/adopt.ts) go to a temporary
 * directory of this test process instead of the user's home; pulumi commands the tests run
 * inherit it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.EIAM_INTENT_DIR) {
  process.env.EIAM_INTENT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-test-intents-'));
}
