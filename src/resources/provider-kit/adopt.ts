/**
 * Creates whose outcome is unknown. EIAM's `CreateOrganizationalUnit`, `CreateGroup`,
 * `CreateApplication`, `CreateInstance` and `CreateApplicationClientSecret` take no
 * `ClientToken` (rule `once` in the client's `OPERATION_RETRY_RULES`), so the client does not
 * repeat them after a 5xx answer or a dropped connection: the object may exist already. Here the
 * create path finds out, by the object's key, and adopts what the failed call made or creates
 * again:
 *
 * - a **unique key** (a unit's name under its parent, a group's name, a username): the one object
 *   carrying it after the failure is the one the call made (a clash before the call would have
 *   been refused, not failed);
 * - **no unique key** (an instance's description, an application's name, an application's
 *   secrets): the objects carrying the key are listed before the first attempt, and only one
 *   that appeared since is adopted. Two or more new candidates: the create fails and names them;
 *   it never guesses.
 *
 * `EntityAlreadyExists` on a first attempt means the key was taken before this create began: an
 * interrupted `pulumi up` may have made the object and lost track of it (the engine was killed,
 * its answer was lost). It is adopted only when `EIAM_ADOPT_EXISTING=1` is set for that run (the
 * error says so); otherwise the error names the existing object and that command.
 *
 * With `EIAM_ADOPT_EXISTING=1`, a create whose key (unique or not) is carried by exactly one
 * existing object adopts it without calling the create; two or more fail and name them. Creates
 * with no key at all (client secrets) never adopt an existing object this way.
 *
 * An engine killed in the middle of a create cannot say what it lost. So each create leaves an
 * intent on local disk (`~/.pulumi-alicloud-eiam/intents`, or `EIAM_INTENT_DIR`) before its first
 * call — its key and the objects carrying the key just before — and, once the object is made,
 * the object's id. The intent stays until the engine shows it recorded the object: any later
 * diff, read, update or delete of that id settles it ({@link settleIntent}). The next run's create
 * of the same key on the same endpoint that finds another process's intent adopts the object it
 * made if it still exists, else the one object that appeared since it began (two or
 * more: it fails and names them; none: it creates). Plain `pulumi up` thus converges after a
 * crash on the same machine; elsewhere, the `EntityAlreadyExists` error or
 * `EIAM_ADOPT_EXISTING=1` above apply.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAlreadyExists, isAmbiguous } from '../../client';

/** Environment variable that lets a create adopt an existing object carrying its unique key. */
export const ADOPT_EXISTING_ENV = 'EIAM_ADOPT_EXISTING';

/** One create of an object without a `ClientToken`, and how to find it by its key. */
export interface AdoptableCreate {
  /** The object in messages, e.g. `group 'admins' in instance idaas_x`. */
  readonly what: string;
  /** Sends the create once; resolves to the new object's id. */
  create(): Promise<string>;
  /** Ids of the objects carrying the key now (one list call, retried by the client). */
  find(): Promise<string[]>;
  /** Whether the service keeps the key unique (see the module comment). */
  readonly uniqueKey: boolean;
  /**
   * Whether `EIAM_ADOPT_EXISTING=1` may adopt an object that existed before this create (default
   * true; false where the key does not tell this resource's object from another's).
   */
  readonly adoptExisting?: boolean;
  /** Most create calls (default 4). */
  readonly maxCreates?: number;
  /**
   * What identifies this create across runs (endpoint, kind and key); without it no intent is
   * kept. Two resources that would share it (two secrets of one application) still work; only
   * the recovery after a crash may then refuse to choose.
   */
  readonly intentKey?: string;
  /** Environment to read {@link ADOPT_EXISTING_ENV} from (default `process.env`; for tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What {@link createOrAdopt} resolves to. */
export interface AdoptOutcome {
  /** Id of the object made (or found). */
  readonly id: string;
  /** True when the object was found rather than made by a call that answered. */
  readonly adopted: boolean;
}

function adoptionAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env[ADOPT_EXISTING_ENV];
  return v !== undefined && !['', '0', 'false'].includes(v.toLowerCase());
}

/** The `globalThis` slot listing the objects this process adopted from before its run. */
const ADOPTED_KEY = '__pulumiAlicloudEiamAdopted';

/** Notes that `objectId`, which existed before this run, now belongs to the resource adopting it. */
function markAdopted(what: string, objectId: string): string {
  const slots = globalThis as Record<string, unknown>;
  // A plain array, not a Set: see the note on closure serialization in client/errors.
  const list = (slots[ADOPTED_KEY] ??= []) as string[];
  list.push(`${kindOf(what)}:${objectId}`);
  return objectId;
}

/** The resource kind a create's `what` starts with (`Group 'x' in …` → `Group`). */
function kindOf(what: string): string {
  return what.split(' ', 1)[0];
}

/**
 * True when this run adopted the object of resource id `id` (last part) from before the run. A
 * delete of it in the same run comes from the resource that had it before (e.g. renamed without
 * an alias: the engine creates the new name, which adopts the object, then deletes the old name)
 * and must leave it to its new owner.
 */
export function adoptedThisRun(kind: string, id: string): boolean {
  const objectId = String(id).split('/').pop() ?? '';
  const list = (globalThis as Record<string, unknown>)[ADOPTED_KEY] as string[] | undefined;
  return objectId !== '' && (list?.includes(`${kind}:${objectId}`) ?? false);
}

/** Environment variable naming the directory of create intents. */
export const INTENT_DIR_ENV = 'EIAM_INTENT_DIR';

/** An unfinished create, as left on disk. */
interface Intent {
  /** The intent key. */
  readonly key: string;
  /** Objects carrying the key just before the create (empty for unique keys). */
  readonly before: readonly string[];
  /** The process that made it, and a token of that process's lifetime. */
  readonly pid: number;
  readonly run: string;
  /** When it was made (epoch ms). */
  readonly startedAt: number;
  /** The id of the object the create made, once it is known. */
  readonly made?: string;
}

/** Intents older than this are ignored (and removed). */
const INTENT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** A token of this process's lifetime (a pid alone may be reused). */
const RUN_TOKEN_KEY = '__pulumiAlicloudEiamRunToken';

function runToken(): string {
  const slots = globalThis as Record<string, unknown>;
  slots[RUN_TOKEN_KEY] ??= `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return slots[RUN_TOKEN_KEY] as string;
}

/** Where the intent of the create keyed `key` is kept. */
export function intentFile(env: Readonly<Record<string, string | undefined>>, key: string): string {
  return path.join(intentDir(env), `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
}

function readIntent(file: string): Intent | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Intent;
  } catch {
    return undefined;
  }
}

/** The intent an interrupted earlier run left for `key`, if any (a live or foreign one is not). */
function interruptedIntent(file: string, key: string): Intent | undefined {
  let intent: Intent;
  try {
    intent = JSON.parse(fs.readFileSync(file, 'utf8')) as Intent;
  } catch {
    return undefined;
  }
  if (intent.key !== key) return undefined;
  if (Date.now() - intent.startedAt > INTENT_MAX_AGE_MS) {
    removeIntent(file);
    return undefined;
  }
  // This process's own (a concurrent create of the same key): not interrupted. Another process's
  // is taken as interrupted even if that process lives on: a killed engine's plugins can outlive
  // it, and two live runs creating one key on one endpoint would clash anyway.
  if (intent.run === runToken()) return undefined;
  return intent;
}

function writeIntent(file: string, intent: Intent): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(intent), { mode: 0o600 });
  } catch {
    // Without a writable directory there is no crash recovery, but the create still works.
  }
}

function removeIntent(file: string): void {
  fs.rmSync(file, { force: true });
}

function intentDir(env: Readonly<Record<string, string | undefined>>): string {
  return env[INTENT_DIR_ENV] || path.join(os.homedir(), '.pulumi-alicloud-eiam', 'intents');
}

/** The marker that links a made object's id to its intent file. */
function madeMarker(env: Readonly<Record<string, string | undefined>>, objectId: string): string {
  return path.join(
    intentDir(env),
    `made-${createHash('sha256').update(objectId).digest('hex').slice(0, 32)}`,
  );
}

/**
 * Drops the intent of the create that made the object of resource id `id` (its last part is the
 * object's id): the engine calls diff, read, update or delete only for objects it recorded.
 */
export function settleIntent(
  id: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  const objectId = String(id).split('/').pop() ?? '';
  if (objectId === '') return;
  const marker = madeMarker(env, objectId);
  let file: string;
  try {
    file = fs.readFileSync(marker, 'utf8');
  } catch {
    return;
  }
  try {
    const intent = JSON.parse(fs.readFileSync(file, 'utf8')) as Intent;
    if (intent.made === objectId) removeIntent(file);
  } catch {
    // Already gone.
  }
  removeIntent(marker);
}

/** Records that the create keyed by `file`'s intent made `objectId`, until {@link settleIntent}. */
function recordMade(
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  intent: Intent,
  objectId: string,
): void {
  writeIntent(file, { ...intent, made: objectId });
  try {
    fs.writeFileSync(madeMarker(env, objectId), file, { mode: 0o600 });
  } catch {
    // See writeIntent.
  }
}

/** Runs {@link AdoptableCreate.create}, recovering from failures of unknown outcome by the key. */
export async function createOrAdopt(spec: AdoptableCreate): Promise<AdoptOutcome> {
  const env = spec.env ?? process.env;
  const file = spec.intentKey === undefined ? undefined : intentFile(env, spec.intentKey);
  const interrupted = file && spec.intentKey ? interruptedIntent(file, spec.intentKey) : undefined;
  if (file && interrupted) {
    const now = await spec.find();
    if (interrupted.made !== undefined && now.includes(interrupted.made)) {
      // Made and answered, but the engine died before it recorded the object.
      recordMade(env, file, { ...interrupted, pid: process.pid, run: runToken() }, interrupted.made);
      return { id: markAdopted(spec.what, interrupted.made), adopted: true };
    }
    const found = now.filter((id) => !interrupted.before.includes(id));
    if (found.length > 1) {
      throw new Error(
        `${spec.what}: an interrupted earlier run was creating this, and ${found.length} matching ` +
          `objects appeared since (${found.join(', ')}); not guessing which is this resource's. ` +
          'Delete the extra ones, or adopt the right one with the `import` resource option.',
      );
    }
    removeIntent(file);
    if (found.length === 1) {
      recordMade(env, file, { ...interrupted, pid: process.pid, run: runToken() }, found[0]);
      return { id: markAdopted(spec.what, found[0]), adopted: true };
    }
  }
  try {
    const outcome = await createOrAdoptOnce(spec, env, file);
    if (file && spec.intentKey) {
      const base: Intent = {
        key: spec.intentKey,
        before: [],
        pid: process.pid,
        run: runToken(),
        startedAt: Date.now(),
      };
      recordMade(env, file, readIntent(file) ?? base, outcome.id);
    }
    return outcome;
  } catch (err) {
    // An outcome still unknown keeps the intent for the next run to settle.
    if (file && !isAmbiguous(err)) removeIntent(file);
    throw err;
  }
}

/** The intent key of a create of `what` against the endpoint (or region) of `settings`. */
export function intentKeyOf(
  settings: { readonly endpoint?: string; readonly region?: string },
  what: string,
): string {
  return `${settings.endpoint ?? `region:${settings.region ?? ''}`} ${what}`;
}

async function createOrAdoptOnce(
  spec: AdoptableCreate,
  env: Readonly<Record<string, string | undefined>>,
  file: string | undefined,
): Promise<AdoptOutcome> {
  const maxCreates = Math.max(1, spec.maxCreates ?? 4);
  const adoptOnRequest = spec.adoptExisting !== false && adoptionAllowed(env);
  const existing = spec.uniqueKey && !adoptOnRequest ? [] : await spec.find();
  if (adoptOnRequest && existing.length === 1)
    return { id: markAdopted(spec.what, existing[0]), adopted: true };
  if (adoptOnRequest && existing.length > 1) {
    throw new Error(
      `${spec.what}: ${ADOPT_EXISTING_ENV} is set, but ${existing.length} objects match ` +
        `(${existing.join(', ')}); not guessing which to adopt. Delete the extra ones, or adopt the ` +
        'right one with the `import` resource option.',
    );
  }
  const before = spec.uniqueKey ? [] : existing;
  if (file && spec.intentKey) {
    writeIntent(file, {
      key: spec.intentKey,
      before,
      pid: process.pid,
      run: runToken(),
      startedAt: Date.now(),
    });
  }
  let lostAnswer = false;
  for (let n = 1; ; n++) {
    try {
      return { id: await spec.create(), adopted: false };
    } catch (err) {
      const clash = isAlreadyExists(err);
      if (!isAmbiguous(err) && !clash) throw err;
      if (clash && !spec.uniqueKey) throw err;
      const found = (await spec.find()).filter((id) => !before.includes(id));
      if (clash && !lostAnswer) {
        // Taken before this create began: adopt only on request.
        if (found.length === 1 && adoptionAllowed(env)) {
          return { id: markAdopted(spec.what, found[0]), adopted: true };
        }
        throw existingError(spec.what, found, err);
      }
      lostAnswer = true;
      if (found.length === 1) return { id: found[0], adopted: true };
      if (found.length > 1) {
        throw new Error(
          `${spec.what}: a create failed without an answer, and ${found.length} objects that match ` +
            `appeared since (${found.join(', ')}); not guessing which is this resource's. Delete the ` +
            'extra ones, or adopt the right one with the `import` resource option.',
          { cause: err },
        );
      }
      if (n >= maxCreates) throw err;
    }
  }
}

function existingError(what: string, found: readonly string[], cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const which = found.length === 1 ? ` (${found[0]})` : '';
  return new Error(
    `${what} already exists${which}: ${detail}. If an interrupted \`pulumi up\` created it, ` +
      `adopt it into this stack with \`${ADOPT_EXISTING_ENV}=1 pulumi up\`; otherwise choose ` +
      'another name or import it with the `import` resource option.',
    { cause },
  );
}
