/** Types of `toolchain.js` (see its module comment). */

/** Outcome of {@link run}. */
export interface RunResult {
  /** Exit code (128 when killed by a signal). */
  readonly code: number;
  /** The signal that ended the process, if any. */
  readonly signal?: string;
  /** Everything written to stdout. */
  readonly stdout: string;
  /** Everything written to stderr. */
  readonly stderr: string;
  /** True when stderr already went to an `onStderr` callback as it arrived. */
  readonly streamedStderr: boolean;
}

/** Options of {@link run}. */
export interface RunOptions {
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
  /** Environment (default: `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Copy the output to this process's stdout/stderr as it arrives. */
  readonly stream?: boolean;
  /** Text written to stdin (default: none; stdin is closed). */
  readonly input?: string;
  /** Kill the process group after this many ms. */
  readonly timeoutMs?: number;
  /** Receives each stderr chunk as it arrives (instead of `stream` copying it). */
  readonly onStderr?: (chunk: Buffer) => void;
}

/** The repository root. */
export const repoRoot: string;
/** The package name. */
export const PACKAGE_NAME: string;
/** The throw-away passphrase of the demo's and the tests' own stacks (when none is set). */
export const DEMO_PASSPHRASE: string;
/** The non-`dist/` files the package ships (package.json `files`), relative to the repository root. */
export function shippedDocuments(): string[];
/** Runs a command in its own process group; resolves with its exit code and output. */
export function run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
/** Throws with the output unless the exit code is 0. */
export function check(result: RunResult, what: string): RunResult;
/** Signals every running child started by {@link run}. */
export function killChildren(signal?: NodeJS.Signals): void;
/** Number of children started by {@link run} still running. */
export function runningChildren(): number;
/** The environment for running `pulumi` (provisions the CLI on first use). */
export function pulumiEnv(options?: { readonly stream?: boolean }): Promise<NodeJS.ProcessEnv>;
/** Runs npm. */
export function npm(args: readonly string[], options?: RunOptions): Promise<RunResult>;
/** Builds `src/` privately and packs it; cached by source hash. Resolves with the `.tgz` path. */
export function packFreshTarball(options?: { readonly env?: NodeJS.ProcessEnv }): Promise<string>;
/** Packs the repository's built `dist/` into `outDir`. Resolves with the `.tgz` path. */
export function packRepository(options: {
  readonly outDir: string;
  readonly env?: NodeJS.ProcessEnv;
}): Promise<string>;
/** Installs the tarball into a Pulumi program directory, offline. */
export function installTarball(options: {
  readonly tgz: string;
  readonly programDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly save?: boolean;
}): Promise<void>;
/** Copies the repository's `@pulumi/pulumi` into the program (see toolchain.js). */
export function provideSdk(programDir: string): void;
/** Whether the loopback port can be listened on. */
export function portIsFree(port: number): Promise<boolean>;
/** `preferred` or the next free port above it; 0 when none of 100 is free. */
export function findFreePort(preferred: number): Promise<number>;
