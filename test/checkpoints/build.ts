/**
 * Hand-assembled safetensors bytes for tests: the writer under test never builds the files
 * the reader is tested on, so a bug shared by both cannot hide.
 */

/** A file from a header (object or raw JSON text) and a data section, space-padding the header. */
export function rawFile(header: unknown, data: Uint8Array | number = 0, pad = true): Uint8Array {
  const text = typeof header === 'string' ? header : JSON.stringify(header);
  let json = new TextEncoder().encode(text);
  if (pad && json.length % 8 !== 0) {
    const padded = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20);
    padded.set(json);
    json = padded;
  }
  return withHeaderBytes(json, typeof data === 'number' ? new Uint8Array(data) : data);
}

/** A file whose header is exactly `headerBytes` (which need not be valid UTF-8). */
export function withHeaderBytes(headerBytes: Uint8Array, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(8 + headerBytes.length + data.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 8);
  out.set(data, 8 + headerBytes.length);
  return out;
}

/** Little-endian bytes of f32 values. */
export function f32Bytes(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return out;
}

/** The header JSON and data section of a file, read without the code under test. */
export function splitFile(bytes: Uint8Array): { headerText: string; header: Record<string, unknown>; data: Uint8Array } {
  const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const headerText = new TextDecoder().decode(bytes.subarray(8, 8 + n));
  return { headerText, header: JSON.parse(headerText), data: bytes.subarray(8 + n) };
}
