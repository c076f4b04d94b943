/**
 * Percent-encoding as Alibaba Cloud's signature schemes define it: RFC 3986 over the UTF-8 bytes
 * of the value, leaving only the unreserved characters `A-Z a-z 0-9 - _ . ~` as they are.
 *
 * The usual description ("URL-encode, then turn `+` into `%20`, `*` into `%2A` and `%7E` back
 * into `~`") starts from a form encoder; starting from the bytes gives the same result directly.
 */

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encodes `value` per RFC 3986 (upper-case hex, space as `%20`, `~` left alone). */
export function percentEncode(value: string): string {
  // Fast path: encodeURIComponent already leaves exactly the unreserved set plus `!'()*`, which
  // RFC 3986 reserves. It throws on lone surrogates, which the byte-wise path below handles.
  try {
    return encodeURIComponent(value).replace(/[!'()*]/g, escapeReservedMark);
  } catch {
    return percentEncodeBytewise(value);
  }
}

function escapeReservedMark(ch: string): string {
  return '%' + ch.charCodeAt(0).toString(16).toUpperCase();
}

/** The byte-wise encoder: each non-unreserved character as the UTF-8 bytes Buffer gives it. */
function percentEncodeBytewise(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch.length === 1 && UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) {
      out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

/**
 * Decodes a percent-encoded string. With `plusAsSpace` (form bodies and query strings) a `+`
 * stands for a space. Malformed escapes are kept literally instead of throwing.
 */
export function percentDecode(value: string, plusAsSpace = false): string {
  const text = plusAsSpace ? value.replace(/\+/g, ' ') : value;
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
