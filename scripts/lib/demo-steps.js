'use strict';
/**
 * The demo's "what to try next": the exact commands, run from the repository root. Kept apart
 * from `scripts/demo.js` so a test can run them as printed.
 *
 * When the demo ran without a terminal its local server has stopped by the time the steps are
 * read, so they begin with the command that starts it again on the demo's data directory and
 * port (the stack's provider configuration records that endpoint).
 */

/**
 * @typedef {object} Step
 * @property {'server' | 'shell' | 'api' | 'pulumi'} kind what the command talks to
 * @property {string} command one shell command line
 * @property {string} [comment] printed above it
 */

/**
 * The steps.
 * @param {object} o
 * @param {boolean} o.serverRunning whether the demo's server is still up
 * @param {number} o.port the server's port
 * @param {string} o.dataDir its data directory, relative to the repository root
 * @param {string} o.logFile where the restarted server's output goes
 * @param {string} o.backend the file backend URL of the demo stack
 * @param {string} o.stack the stack name
 * @param {string | undefined} o.passphrase the demo stack's throw-away passphrase, when the demo
 *   used its own (undefined: the user's PULUMI_CONFIG_PASSPHRASE was used, never printed)
 * @param {string} o.instanceId
 * @param {string} o.userId
 * @returns {Step[]}
 */
function nextSteps(o) {
  const steps = [];
  if (!o.serverRunning) {
    steps.push({
      kind: 'server',
      comment:
        "the demo's local server has stopped; start it again on the demo's data (in the background, or in another terminal without the &):",
      command: `node dist/local-server/cli.js --port ${o.port} --data-dir ${o.dataDir} >> ${o.logFile} 2>&1 &`,
    });
  }
  steps.push({
    kind: 'shell',
    command: `source scripts/pulumi-env.sh && export PULUMI_BACKEND_URL=${o.backend}`,
  });
  steps.push(
    o.passphrase
      ? {
          kind: 'shell',
          comment: "the demo stack's throw-away passphrase (public: use it for the demo's stacks only)",
          command: `export PULUMI_CONFIG_PASSPHRASE=${o.passphrase}`,
        }
      : { kind: 'shell', comment: 'the demo stack uses your own PULUMI_CONFIG_PASSPHRASE', command: ':' },
  );
  steps.push({
    kind: 'pulumi',
    command: `pulumi stack output --stack ${o.stack} dashboardClientSecret --show-secrets`,
  });
  steps.push({
    kind: 'api',
    comment: "change something behind Pulumi's back with the API (eiam-call, aimed at the demo's server) ...",
    command: `node scripts/eiam.js UpdateUser InstanceId=${o.instanceId} UserId=${o.userId} DisplayName='Alice (edited by hand)'`,
  });
  steps.push({
    kind: 'api',
    command: `node scripts/eiam.js GetUser InstanceId=${o.instanceId} UserId=${o.userId}`,
  });
  steps.push({
    kind: 'pulumi',
    comment: '... watch the drift, then put it back',
    command: `pulumi preview --refresh --diff --stack ${o.stack}`,
  });
  steps.push({ kind: 'pulumi', command: `pulumi up --refresh --yes --stack ${o.stack}` });
  steps.push({
    kind: 'shell',
    comment: `what the server holds, in a browser: http://127.0.0.1:${o.port}/_local/view`,
    command: `curl -s http://127.0.0.1:${o.port}/_local/overview | head -c 300; echo`,
  });
  return steps;
}

/** The steps as printed: comments as `# …` lines, commands indented. */
function renderSteps(steps) {
  const lines = [];
  for (const s of steps) {
    if (s.comment) lines.push(`  # ${s.comment}`);
    if (s.command !== ':') lines.push(`  ${s.command}`);
  }
  return lines;
}

module.exports = { nextSteps, renderSteps };
