/**
 * Measuring what Pulumi stores for a provider: the same serialization the dynamic resource base
 * class performs, exposed for tests and benchmarks.
 */
import * as pulumi from '@pulumi/pulumi';

/** A serialized provider and its size. */
export interface SerializedProvider {
  /** The JavaScript text stored in state as `__provider`. */
  readonly text: string;
  /** Its size in UTF-8 bytes. */
  readonly bytes: number;
  /** Whether serialization captured a secret Output (it must not). */
  readonly containsSecrets: boolean;
}

/** Serializes `provider` exactly as `pulumi.dynamic.Resource` does and reports the size. */
export async function serializeProvider(
  provider: pulumi.dynamic.ResourceProvider,
): Promise<SerializedProvider> {
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return { text: sf.text, bytes: Buffer.byteLength(sf.text, 'utf8'), containsSecrets: sf.containsSecrets };
}
