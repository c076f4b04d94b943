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
 */
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

/** Runs {@link AdoptableCreate.create}, recovering from failures of unknown outcome by the key. */
export async function createOrAdopt(spec: AdoptableCreate): Promise<AdoptOutcome> {
  const maxCreates = Math.max(1, spec.maxCreates ?? 4);
  const adoptOnRequest = spec.adoptExisting !== false && adoptionAllowed(spec.env ?? process.env);
  const existing = spec.uniqueKey && !adoptOnRequest ? [] : await spec.find();
  if (adoptOnRequest && existing.length === 1) return { id: existing[0], adopted: true };
  if (adoptOnRequest && existing.length > 1) {
    throw new Error(
      `${spec.what}: ${ADOPT_EXISTING_ENV} is set, but ${existing.length} objects match ` +
        `(${existing.join(', ')}); not guessing which to adopt. Delete the extra ones, or adopt the ` +
        'right one with the `import` resource option.',
    );
  }
  const before = spec.uniqueKey ? [] : existing;
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
        if (found.length === 1 && adoptionAllowed(spec.env ?? process.env)) {
          return { id: found[0], adopted: true };
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
