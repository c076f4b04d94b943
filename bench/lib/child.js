'use strict';
/** Parent side of lib/server-child.js: start, query and stop a server process. */
const { fork } = require('node:child_process');
const path = require('node:path');

/**
 * Forks a server process and resolves once it listens, with its `ready` message plus
 * `request(type)` (one answer per message type) and `stop()`.
 */
function startServerProcess(options = {}, { execArgv = [] } = {}) {
  const child = fork(path.join(__dirname, 'server-child.js'), [JSON.stringify(options)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map();
  let exited = false;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`server process exited with code ${code} before it was ready`));
      for (const [, w] of waiting) w.reject(new Error('server process exited'));
    });
    child.on('message', (msg) => {
      if (msg.type === 'ready') {
        resolve({
          ...msg,
          pid: child.pid,
          request: (type) =>
            new Promise((res, rej) => {
              waiting.set(type, { resolve: res, reject: rej });
              child.send({ type });
            }),
          stop: () =>
            new Promise((res) => {
              if (exited) return res();
              child.once('exit', () => res());
              child.send({ type: 'stop' });
            }),
        });
        return;
      }
      const w = waiting.get(msg.type);
      if (w) {
        waiting.delete(msg.type);
        w.resolve(msg);
      }
    });
  });
}

module.exports = { startServerProcess };
