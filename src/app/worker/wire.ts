/**
 * How results cross between the worker and the page. postMessage copies plain data but
 * drops a class's methods, so a Tensor is sent as { tensor: true, data, shape } and built
 * again on arrival; every Float32Array that owns its whole buffer is transferred, not
 * copied (a BERT-base trace is megabytes). pack copies each Tensor's data first, so a job
 * may return tensors it keeps (a cached trace, a weight): only the copies leave. A plain
 * Float32Array in a result is transferred as it is: a job returns only fresh ones.
 */
import { Tensor } from '../../runtime/index.ts';

interface WireTensor {
  tensor: true;
  data: Float32Array;
  shape: number[];
}

const isWireTensor = (v: unknown): v is WireTensor =>
  typeof v === 'object' && v !== null && (v as WireTensor).tensor === true && (v as WireTensor).data instanceof Float32Array && Array.isArray((v as WireTensor).shape);

/** `value` with every Tensor replaced by a copy in wire form (plain objects and arrays are walked). */
export function pack(value: unknown): unknown {
  if (value instanceof Tensor) return { tensor: true, data: value.data.slice(), shape: [...value.shape] } satisfies WireTensor;
  if (Array.isArray(value)) return value.map(pack);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pack(v)]));
  return value;
}

/** The inverse of pack: wire tensors become Tensors again. */
export function unpack(value: unknown): unknown {
  if (isWireTensor(value)) return new Tensor(value.data, value.shape);
  if (Array.isArray(value)) return value.map(unpack);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unpack(v)]));
  return value;
}

/** Buffers in a packed value that can be transferred: each Float32Array's own, whole buffer, once. */
export function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (value instanceof Float32Array) {
    const b = value.buffer;
    if (b instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === b.byteLength) found.add(b);
  } else if (Array.isArray(value)) for (const v of value) transferables(v, found);
  else if (isPlainObject(value)) for (const v of Object.values(value)) transferables(v, found);
  return [...found];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
