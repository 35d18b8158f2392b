import { createHash } from 'node:crypto';

/** The fixed namespace of every GUID `themes` writes; changing it would change every exported GUID. */
export const THEMES_NAMESPACE = '6F1D4C2E-8B3A-5E7D-9A41-3C0B2E6D8F15';

/**
 * UUID version 5 (RFC 9562, SHA-1 of namespace + name), upper case as REFI-QDA files write them:
 * the same code id always gets the same GUID, so re-exports and other tools' copies line up.
 */
export function guidFor(name: string, namespace = THEMES_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/[{}-]/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** `{1ff58b12-...}` → `1FF58B12-...`; undefined when it is not a GUID at all. Compare GUIDs only in this form. */
export function canonicalGuid(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = GUID.exec(value.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}
