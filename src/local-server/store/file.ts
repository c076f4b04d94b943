/**
 * The durable store behind `--data-dir`: a write-ahead journal of the state changes of
 * acknowledged mutating calls (`journal.ts`) plus a periodic snapshot.
 *
 * Layout of the data directory:
 * - `snapshot.json` — `{format, lastSeq, savedAt, state}`: the service state after record `lastSeq`;
 *   written to a temporary file, fsync'd, renamed over the old one, then the directory fsync'd,
 *   so it is always either the old or the new snapshot, never a mix.
 * - `wal.log` — one line per record after the snapshot: `<crc32 hex> <JSON JournalRecord>\n`. Each line
 *   is written and fdatasync'd before the call is acknowledged. A torn last line (the process
 *   died mid-write) fails its checksum and is cut off on the next start; a bad line followed by
 *   good ones means corruption and stops the start with an error.
 * - `LOCK` — the pid of the server using the directory, so two servers never share one.
 *
 * Compaction writes a new snapshot and then empties the log. A crash between the two leaves log
 * lines the snapshot already covers; they carry `seq <= lastSeq` and are skipped on load.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import type { JournalRecord, PersistedState, StateStore } from './types';

/** Format marker of `snapshot.json`. */
export const STORE_SNAPSHOT_FORMAT = 'eiam-local-store/2';

/**
 * The format before the journal held state changes (its log held calls to replay). Its snapshot
 * is still readable; a log written in it is refused rather than misread.
 */
const CALL_LOG_SNAPSHOT_FORMAT = 'eiam-local-store/1';

/** Options of a {@link FileStore}. */
export interface FileStoreOptions {
  /** Compact after this many journal records (default 1000). */
  readonly compactEvery?: number;
  /** Compact once the log exceeds this many bytes (default 16 MiB). */
  readonly compactBytes?: number;
}

/**
 * Mode of every file the store writes: the journal and the snapshot hold state, provisioning
 * tokens and password hashes included, so only the owner may read them (and the lock).
 */
const FILE_MODE = 0o600;

/** Data directories locked by stores of this process (the pid in `LOCK` cannot tell them apart). */
const LOCKED_IN_THIS_PROCESS = new Set<string>();

interface SnapshotFile {
  readonly format: typeof STORE_SNAPSHOT_FORMAT | typeof CALL_LOG_SNAPSHOT_FORMAT;
  readonly lastSeq: number;
  readonly savedAt: string;
  readonly state: unknown;
}

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

/** A write-ahead log plus snapshot in a directory (see the module comment for the format). */
export class FileStore implements StateStore {
  /** Everything appended survives a crash. */
  readonly durable = true;
  private readonly snapshotPath: string;
  private readonly walPath: string;
  private readonly lockPath: string;
  private readonly compactEvery: number;
  private readonly compactBytes: number;
  private walFd: number | undefined;
  private lastSeq = 0;
  private loggedSinceSnapshot = 0;
  private walBytes = 0;
  private locked = false;

  /** Opens (creating if needed) and locks `dir`. Throws if another live process holds it. */
  constructor(
    readonly dir: string,
    options: FileStoreOptions = {},
  ) {
    this.snapshotPath = path.join(dir, 'snapshot.json');
    this.walPath = path.join(dir, 'wal.log');
    this.lockPath = path.join(dir, 'LOCK');
    this.compactEvery = options.compactEvery ?? 1000;
    this.compactBytes = options.compactBytes ?? 16 * 1024 * 1024;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.lock();
  }

  /** True once {@link FileStoreOptions.compactEvery} records or `compactBytes` bytes are in the log. */
  get wantsCompaction(): boolean {
    return this.loggedSinceSnapshot >= this.compactEvery || this.walBytes >= this.compactBytes;
  }

  /** Reads the snapshot and the valid records after it; cuts a torn tail off the log. */
  load(): PersistedState {
    const snapshot = this.readSnapshot();
    this.lastSeq = snapshot?.lastSeq ?? 0;
    const records = this.readLog().filter((r) => r.seq > this.lastSeq);
    if (records.some((r) => r.change === undefined)) {
      throw new Error(
        `${this.walPath} holds calls logged by an older eiam-local (before state journaling); ` +
          'start that version once on this directory to compact it, or use a fresh directory.',
      );
    }
    if (records.length > 0) this.lastSeq = records[records.length - 1].seq;
    this.loggedSinceSnapshot = records.length;
    this.walFd = fs.openSync(this.walPath, 'a', FILE_MODE);
    fs.fchmodSync(this.walFd, FILE_MODE);
    return { snapshot: snapshot?.state, records };
  }

  /** Appends one record and fdatasyncs it before returning. */
  append(record: Omit<JournalRecord, 'seq'>): void {
    if (this.walFd === undefined) throw new Error('FileStore.append called before load()');
    const entry: JournalRecord = { seq: this.lastSeq + 1, ...record };
    const json = JSON.stringify(entry);
    const line = Buffer.from(`${checksum(json)} ${json}\n`, 'utf8');
    writeAll(this.walFd, line);
    fs.fdatasyncSync(this.walFd);
    this.lastSeq = entry.seq;
    this.loggedSinceSnapshot += 1;
    this.walBytes += line.length;
  }

  /** Atomically replaces the snapshot with `state` (covering every record so far), then empties the log. */
  compact(state: unknown): void {
    const file: SnapshotFile = {
      format: STORE_SNAPSHOT_FORMAT,
      lastSeq: this.lastSeq,
      savedAt: new Date().toISOString(),
      state,
    };
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = fs.openSync(tmp, 'w', FILE_MODE);
    try {
      fs.fchmodSync(fd, FILE_MODE);
      writeAll(fd, Buffer.from(JSON.stringify(file), 'utf8'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.snapshotPath);
    fsyncDirectory(this.dir);
    if (this.walFd !== undefined) {
      fs.ftruncateSync(this.walFd, 0);
      fs.fsyncSync(this.walFd);
    } else {
      fs.writeFileSync(this.walPath, '', { mode: FILE_MODE });
    }
    this.loggedSinceSnapshot = 0;
    this.walBytes = 0;
  }

  /** Closes the log and releases the lock. */
  close(): void {
    if (this.walFd !== undefined) {
      fs.closeSync(this.walFd);
      this.walFd = undefined;
    }
    if (this.locked) {
      this.locked = false;
      LOCKED_IN_THIS_PROCESS.delete(path.resolve(this.dir));
      try {
        fs.unlinkSync(this.lockPath);
      } catch {
        // Already gone: nothing to release.
      }
    }
  }

  private lock(): void {
    const key = path.resolve(this.dir);
    if (LOCKED_IN_THIS_PROCESS.has(key)) {
      throw new Error(`The data directory ${this.dir} is in use by this process.`);
    }
    if (!this.createLockFile()) {
      const holder = Number(fs.readFileSync(this.lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The data directory ${this.dir} is in use by process ${holder}.`);
      }
      // A stale lock: its process is gone (killed), so the directory is free.
      fs.writeFileSync(this.lockPath, String(process.pid), { mode: FILE_MODE });
    }
    LOCKED_IN_THIS_PROCESS.add(key);
    this.locked = true;
  }

  /** Creates the lock file; false when it already exists. */
  private createLockFile(): boolean {
    try {
      fs.writeFileSync(this.lockPath, String(process.pid), { flag: 'wx', mode: FILE_MODE });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  }

  private readSnapshot(): SnapshotFile | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.snapshotPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const file = JSON.parse(text) as Partial<SnapshotFile>;
    const known = file.format === STORE_SNAPSHOT_FORMAT || file.format === CALL_LOG_SNAPSHOT_FORMAT;
    if (!known || !Number.isInteger(file.lastSeq)) {
      throw new Error(`${this.snapshotPath} is not a ${STORE_SNAPSHOT_FORMAT} snapshot.`);
    }
    return file as SnapshotFile;
  }

  private readLog(): JournalRecord[] {
    let data: Buffer;
    try {
      data = fs.readFileSync(this.walPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const calls: JournalRecord[] = [];
    let offset = 0;
    while (offset < data.length) {
      const newline = data.indexOf(0x0a, offset);
      if (newline === -1) break;
      const call = this.parseLine(data.toString('utf8', offset, newline));
      if (call === undefined) break;
      calls.push(call);
      offset = newline + 1;
    }
    const goodEnd = offset;
    if (goodEnd < data.length && this.hasValidRecordAfter(data, goodEnd)) {
      throw new Error(
        `${this.walPath} is corrupt at byte ${goodEnd}: a damaged record is followed by valid ones.`,
      );
    }
    if (goodEnd < data.length) {
      fs.truncateSync(this.walPath, goodEnd);
    }
    this.walBytes = goodEnd;
    return calls;
  }

  private hasValidRecordAfter(data: Buffer, from: number): boolean {
    let offset = data.indexOf(0x0a, from);
    while (offset !== -1 && offset + 1 < data.length) {
      const newline = data.indexOf(0x0a, offset + 1);
      if (newline === -1) return false;
      if (this.parseLine(data.toString('utf8', offset + 1, newline)) !== undefined) return true;
      offset = newline;
    }
    return false;
  }

  private parseLine(line: string): JournalRecord | undefined {
    const space = line.indexOf(' ');
    if (space !== 8) return undefined;
    const json = line.slice(space + 1);
    if (checksum(json) !== line.slice(0, space)) return undefined;
    try {
      return JSON.parse(json) as JournalRecord;
    } catch {
      return undefined;
    }
  }
}
