/**
 * Identity outputs derived from the resource id.
 *
 * A dynamic provider cannot preview an update: for a resource about to be updated, the engine
 * reports the new inputs as its outputs during a preview, so every output-only property (a
 * user's `userId`, an instance's `instanceId`, …) is unknown there, although an update never
 * changes it. Dependents that take such an id as an immutable input (`instanceId`, `groupId`,
 * …) would then be previewed as replaced: a refreshed description drift on the instance showed
 * the whole directory as `replace` in `pulumi preview`, while `pulumi up` changed nothing but
 * the description. The resource id is known in the preview of an update, and every identity
 * output is part of it, so the classes derive those outputs from the id instead.
 */
import * as pulumi from '@pulumi/pulumi';
import { ID_SEPARATOR } from './ids';

/**
 * Part `index` of the composite id `<instanceId>/<objectId>[/…]` (0 = the instance id), as an
 * output that is known whenever the id is.
 */
export function idPart(id: pulumi.Output<string>, index: number): pulumi.Output<string> {
  return id.apply((value) => (typeof value === 'string' ? (value.split(ID_SEPARATOR)[index] ?? '') : value));
}
