/**
 * The kinds of EIAM ids, declared once: each kind's prefix (`user` for `user_…`), its name in
 * messages, and the id part that holds it in composite ids (`userId` in `<instanceId>/<userId>`).
 * `check` validates referenced ids with it and `ids` checks the parts of an imported id with it.
 * A new kind is one line here.
 */
export const ID_KINDS = {
  instance: { prefix: 'idaas', name: 'an instance', part: 'instanceId' },
  organizationalUnit: { prefix: 'ou', name: 'an organizational unit', part: 'organizationalUnitId' },
  user: { prefix: 'user', name: 'a user', part: 'userId' },
  group: { prefix: 'group', name: 'a group', part: 'groupId' },
  application: { prefix: 'app', name: 'an application', part: 'applicationId' },
  customField: { prefix: 'ufd', name: 'a custom field', part: 'fieldId' },
  identityProvider: { prefix: 'idp', name: 'an identity provider', part: 'identityProviderId' },
  networkZone: { prefix: 'network', name: 'a network zone', part: 'networkZoneId' },
  conditionalAccessPolicy: {
    prefix: 'cap',
    name: 'a conditional access policy',
    part: 'conditionalAccessPolicyId',
  },
} as const satisfies Readonly<Record<string, IdKindSpec>>;

/** What is known of one kind of id. */
export interface IdKindSpec {
  /** The prefix before the `_` of every id of the kind. */
  readonly prefix: string;
  /** The kind in a sentence, with its article (`an instance`). */
  readonly name: string;
  /** The name of a composite id's part holding an id of the kind. */
  readonly part: string;
}

/** A kind of EIAM id (see {@link ID_KINDS}). */
export type IdKind = keyof typeof ID_KINDS;

/** Every id kind, in declaration order. */
export const ID_KIND_LIST = Object.keys(ID_KINDS) as IdKind[];

/** The prefix each kind's ids carry (derived from {@link ID_KINDS}). */
export const ID_PREFIXES = Object.fromEntries(ID_KIND_LIST.map((k) => [k, ID_KINDS[k].prefix])) as {
  readonly [K in IdKind]: (typeof ID_KINDS)[K]['prefix'];
};

/** The id kind held by a composite id's part of this name, if it names one. */
export function idKindOfPart(part: string): IdKind | undefined {
  return ID_KIND_LIST.find((k) => ID_KINDS[k].part === part);
}

/** The id kind whose prefix is `prefix`, if any. */
export function idKindOfPrefix(prefix: string): IdKind | undefined {
  return ID_KIND_LIST.find((k) => ID_KINDS[k].prefix === prefix);
}
