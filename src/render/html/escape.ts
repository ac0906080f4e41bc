// Escaping for HTML text and attribute values. Every string from the model goes through `esc`:
// the five markup characters become references, and characters HTML does not allow in text
// (C0 controls other than tab, line feed and carriage return; DEL; lone surrogates) are dropped.

const REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// With the `u` flag a surrogate pair is one code point, so the surrogate range matches lone ones only.
const NOT_ALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/gu;

/** Text or attribute value, escaped for HTML (safe in text and in double- or single-quoted attributes). */
export function esc(s: string): string {
  return s.replace(NOT_ALLOWED, '').replace(/[&<>"']/g, (c) => REFERENCES[c]!);
}

/** ` name="value"` with the value escaped. */
export function attr(name: string, value: string): string {
  return ` ${name}="${esc(value)}"`;
}
