'use strict';
/**
 * Where the CPU time of a `pulumi` command goes: samples /proc (Linux) every 200 ms while the
 * command runs, and reports per kind of process (engine, program, dynamic provider, local
 * server) the CPU seconds used and the peak resident memory. Only descendants of this process
 * count (other jobs on the machine may run pulumi too). CPU is read from each process's last
 * sample, so a process's final ≤ 200 ms are missed; figures are approximate by that much.
 */
const fs = require('node:fs');

const TICKS_PER_SECOND = 100;

/** The kind of a process from its command line, or undefined when it is not one we follow. */
function kindOf(cmdline) {
  if (cmdline.includes('dynamic-provider')) return 'provider';
  if (cmdline.includes('@pulumi/pulumi/cmd/run') || cmdline.includes('pulumi-language-nodejs')) {
    return cmdline.includes('cmd/run') ? 'program' : 'language host';
  }
  if (cmdline.includes('server-child.js')) return 'server';
  const argv0 = cmdline.split('\0')[0];
  if (/(^|\/)pulumi$/.test(argv0)) return 'engine';
  return undefined;
}

function sample(into, initial = false) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid));
  } catch {
    return;
  }
  const stats = new Map();
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      stats.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // exited
    }
  }
  const mine = (pid) => {
    for (let cur = pid, depth = 0; cur && depth < 32; depth++) {
      if (cur === String(process.pid)) return true;
      cur = stats.get(cur)?.[1];
    }
    return false;
  };
  for (const [pid, fields] of stats) {
    if (pid === String(process.pid) || !mine(pid)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const kind = kindOf(cmdline);
      if (!kind) continue;
      const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const prev = into.get(pid);
      // A process already running when watching began counts from then; a new one from its start.
      const cpuAtStart = prev?.cpuAtStart ?? (initial ? cpu : 0);
      into.set(pid, { kind, cpu, rssKb: Math.max(rssKb, prev?.rssKb ?? 0), cpuAtStart });
    } catch {
      // the process exited between listing and reading
    }
  }
}

/**
 * Starts sampling; `stop()` returns `{ [kind]: { cpuSeconds, peakRssMiB } }` for the processes
 * seen. Processes that already ran before `start` (the server) count only the CPU used since.
 */
function watchProcesses() {
  const seen = new Map();
  sample(seen, true);
  const timer = setInterval(() => sample(seen), 200);
  return {
    stop() {
      clearInterval(timer);
      sample(seen);
      const out = {};
      for (const v of seen.values()) {
        const o = (out[v.kind] ??= { cpuSeconds: 0, peakRssMiB: 0 });
        o.cpuSeconds += v.cpu - v.cpuAtStart;
        o.peakRssMiB = Math.max(o.peakRssMiB, v.rssKb / 1024);
      }
      return out;
    },
  };
}

module.exports = { watchProcesses };
