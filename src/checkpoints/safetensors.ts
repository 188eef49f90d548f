/**
 * Reading and writing the safetensors format (https://github.com/huggingface/safetensors):
 *
 *   [u64 little-endian N] [N bytes of JSON header, space-padded] [data section]
 *
 * The header maps each tensor name to { dtype, shape, data_offsets: [begin, end] } (offsets
 * relative to the data section), plus an optional "__metadata__" map of strings. The reader
 * trusts nothing in the file: every length and offset is checked before any allocation, so a
 * malformed file ends in a CheckpointError that says what is wrong, never in a hang, an
 * out-of-memory or some other error type. Uses only Uint8Array/DataView/TextDecoder, so it runs
 * in the browser as well as in Node.
 */
import { Tensor, shapeStr, type Shape } from '../runtime/index.ts';
import { CheckpointError } from './errors.ts';
import { DTYPES, isReadableDtype, type ReadableDtype, type WritableDtype } from './dtypes.ts';

/** One tensor's header entry, as validated. */
export interface TensorInfo {
  dtype: ReadableDtype;
  shape: number[];
  /** [begin, end) in bytes, relative to the start of the data section. */
  dataOffsets: [number, number];
}

/** The validated header: where each tensor lives, and the file's free-form metadata. */
export interface SafetensorsHeader {
  tensors: Map<string, TensorInfo>; // sorted by name
  metadata: Record<string, string>; // "__metadata__", or {} when absent
  /** Byte offset of the data section in the file: 8 + header length. */
  dataStart: number;
  /** Size of the whole file: dataStart + the data section the tensors tile. */
  byteLength: number;
}

/** A parsed file: tensors as f32 runtime Tensors, plus the header they came from. */
export interface SafetensorsFile {
  tensors: Map<string, Tensor>; // sorted by name
  metadata: Record<string, string>;
  header: SafetensorsHeader;
}

export interface ParseOptions {
  /** Largest header accepted, in bytes; guards against absurd lengths. Default 100 MB. */
  maxHeaderBytes?: number;
}

export interface SerializeOptions {
  /** Storage dtype of every tensor. Default 'F32' (exact); F16/BF16 round to nearest even. */
  dtype?: WritableDtype;
  /** Written as "__metadata__"; values must be strings, as the format requires. */
  metadata?: Record<string, string>;
}

export const DEFAULT_MAX_HEADER_BYTES = 100_000_000;
const METADATA_KEY = '__metadata__';
const SUPPORTED = Object.keys(DTYPES).join(', ');

/** Any JSON value, described briefly for an error message. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads the u64 header length safely: JS numbers cannot hold every u64, so split it. For a whole
 * file (`whole`), the header must also fit in what follows the 8-byte length.
 */
function readHeaderLength(bytes: Uint8Array, maxHeaderBytes: number, whole = true): number {
  if (bytes.byteLength < 8) {
    throw new CheckpointError(
      `file is ${bytes.byteLength} bytes; a safetensors file starts with an 8-byte header length`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const lo = view.getUint32(0, true);
  const hi = view.getUint32(4, true);
  const available = bytes.byteLength - 8;
  if (hi !== 0) {
    const n = (BigInt(hi) << 32n) | BigInt(lo);
    throw new CheckpointError(`header length ${n} is 4 GiB or more: not a safetensors file, or a corrupt one`);
  }
  if (whole && lo > available) {
    throw new CheckpointError(
      `header length ${lo} runs past the end of the file (only ${available} bytes follow the 8-byte length)`,
    );
  }
  if (lo > maxHeaderBytes) {
    throw new CheckpointError(`header length ${lo} exceeds the limit of ${maxHeaderBytes} bytes (maxHeaderBytes)`);
  }
  return lo;
}

function readMetadata(v: unknown): Record<string, string> {
  if (!isObject(v)) throw new CheckpointError(`${METADATA_KEY} must be an object of strings, got ${describe(v)}`);
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) {
    if (typeof s !== 'string') {
      throw new CheckpointError(`${METADATA_KEY} must map strings to strings; key '${k}' holds ${describe(s)}`);
    }
    out[k] = s;
  }
  return out;
}

const isIndex = (d: unknown): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0;

/** Validates one header entry against the size of the data section. */
function readEntry(name: string, v: unknown, dataLength: number): TensorInfo {
  const where = `tensor '${name}'`;
  if (!isObject(v)) throw new CheckpointError(`${where}: entry must be an object with dtype, shape and data_offsets, got ${describe(v)}`);
  for (const key of ['dtype', 'shape', 'data_offsets']) {
    if (!(key in v)) throw new CheckpointError(`${where}: entry is missing "${key}"`);
  }
  const { dtype, shape, data_offsets: offsets } = v;
  if (typeof dtype !== 'string') throw new CheckpointError(`${where}: dtype must be a string, got ${describe(dtype)}`);
  if (!isReadableDtype(dtype)) {
    throw new CheckpointError(`${where}: unsupported dtype ${JSON.stringify(dtype)} (this reader handles ${SUPPORTED})`);
  }
  if (!Array.isArray(shape)) throw new CheckpointError(`${where}: shape must be an array, got ${describe(shape)}`);
  const bad = shape.find((d) => !isIndex(d));
  if (bad !== undefined) {
    throw new CheckpointError(`${where}: shape ${JSON.stringify(shape)} has a dimension that is not a non-negative integer: ${JSON.stringify(bad)}`);
  }
  const dims = shape as number[];
  const count = dims.includes(0) ? 0 : dims.reduce((a, b) => a * b, 1);
  const byteLength = count * DTYPES[dtype].bytes;
  if (!Number.isSafeInteger(byteLength)) throw new CheckpointError(`${where}: shape ${shapeStr(dims)} is impossibly large`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) {
    throw new CheckpointError(`${where}: data_offsets must be two non-negative integers [begin, end], got ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end) throw new CheckpointError(`${where}: data_offsets [${begin}, ${end}] begin after they end`);
  if (end > dataLength) {
    throw new CheckpointError(
      `${where}: data_offsets [${begin}, ${end}] run past the end of the data section (${dataLength} bytes); is the file truncated?`,
    );
  }
  if (end - begin !== byteLength) {
    throw new CheckpointError(
      `${where}: ${dtype} shape ${shapeStr(dims)} needs ${byteLength} bytes but data_offsets [${begin}, ${end}] span ${end - begin}`,
    );
  }
  return { dtype, shape: [...dims], dataOffsets: [begin, end] };
}

/** The format requires the tensors to tile the data section exactly: no overlap, no holes. */
function checkCoverage(infos: Map<string, TensorInfo>, dataLength: number): void {
  const spans = [...infos].sort(
    ([, a], [, b]) => a.dataOffsets[0] - b.dataOffsets[0] || a.dataOffsets[1] - b.dataOffsets[1],
  );
  let cursor = 0;
  let previous = '';
  for (const [name, { dataOffsets: [begin, end] }] of spans) {
    if (begin < cursor) {
      throw new CheckpointError(`tensors '${previous}' and '${name}' overlap: '${name}' begins at byte ${begin}, before '${previous}' ends at ${cursor}`);
    }
    if (begin > cursor) {
      throw new CheckpointError(`data bytes [${cursor}, ${begin}) belong to no tensor (a hole before '${name}')`);
    }
    cursor = end;
    previous = name;
  }
  if (cursor !== dataLength) {
    throw new CheckpointError(
      `${dataLength - cursor} trailing bytes after the last tensor: the data section is ${dataLength} bytes but tensors cover ${cursor}`,
    );
  }
}

/** Decodes and validates the header JSON at bytes[8, 8 + n); `dataLength` null: not known yet. */
function parseHeader(bytes: Uint8Array, n: number, dataLength: number | null): SafetensorsHeader {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n));
  } catch {
    throw new CheckpointError(`header (${n} bytes) is not valid UTF-8`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CheckpointError(`header is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(json)) throw new CheckpointError(`header must be a JSON object, got ${describe(json)}`);

  let metadata: Record<string, string> = {};
  const infos = new Map<string, TensorInfo>();
  for (const name of Object.keys(json).sort(byName)) {
    if (name === METADATA_KEY) metadata = readMetadata(json[name]);
    else infos.set(name, readEntry(name, json[name], dataLength ?? Number.MAX_SAFE_INTEGER));
  }
  // Without the data section, its length is where the last tensor ends; the tiling check still holds.
  const length = dataLength ?? [...infos.values()].reduce((m, i) => Math.max(m, i.dataOffsets[1]), 0);
  checkCoverage(infos, length);
  return { tensors: infos, metadata, dataStart: 8 + n, byteLength: 8 + n + length };
}

/**
 * Parses and validates the header only, without touching tensor data: enough to list names,
 * dtypes and shapes, or to check them against a config before decoding anything.
 */
export function readSafetensorsHeader(bytes: Uint8Array, opts: ParseOptions = {}): SafetensorsHeader {
  const n = readHeaderLength(bytes, opts.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES);
  return parseHeader(bytes, n, bytes.byteLength - 8 - n);
}

/**
 * How many leading bytes of a file hold its header (8 + the length stored in the first 8), so a
 * caller that fetched the first 8 bytes knows what Range to ask for next.
 */
export function safetensorsHeaderSize(first: Uint8Array, opts: ParseOptions = {}): number {
  return 8 + readHeaderLength(first, opts.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES, false);
}

/**
 * Parses the header from the first bytes of a file only (a Range request), before any weight is
 * downloaded: names, dtypes, shapes, and `byteLength`, the size the whole file must have. The
 * prefix may run on into the data section; it must hold the whole header.
 */
export function readSafetensorsHeaderPrefix(prefix: Uint8Array, opts: ParseOptions = {}): SafetensorsHeader {
  const n = readHeaderLength(prefix, opts.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES, false);
  if (8 + n > prefix.byteLength) {
    throw new CheckpointError(`the first ${prefix.byteLength} bytes do not hold the header: it ends at byte ${8 + n}`);
  }
  return parseHeader(prefix, n, null);
}

/** Parses a whole safetensors file into f32 Tensors; throws CheckpointError if it is malformed. */
export function parseSafetensors(bytes: Uint8Array, opts: ParseOptions = {}): SafetensorsFile {
  const header = readSafetensorsHeader(bytes, opts);
  const tensors = new Map<string, Tensor>();
  for (const [name, info] of header.tensors) {
    const [begin, end] = info.dataOffsets;
    const data = DTYPES[info.dtype].decode(bytes.subarray(header.dataStart + begin, header.dataStart + end), name);
    tensors.set(name, new Tensor(data, info.shape));
  }
  return { tensors, metadata: header.metadata, header };
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Writes tensors as a safetensors file: header padded with spaces to a multiple of 8 bytes (so
 * the data section is aligned), tensors laid out contiguously in sorted-name order.
 */
export function serializeSafetensors(
  tensors: Readonly<Record<string, Tensor>> | ReadonlyMap<string, Tensor>,
  opts: SerializeOptions = {},
): Uint8Array {
  const dtype = opts.dtype ?? 'F32';
  const codec = isReadableDtype(dtype) ? DTYPES[dtype] : undefined;
  const encode = codec?.encode;
  if (!codec || !encode) throw new CheckpointError(`cannot write dtype ${JSON.stringify(dtype)} (the writer handles F32, F16, BF16)`);
  const entries = (tensors instanceof Map ? [...tensors] : Object.entries(tensors)).sort(([a], [b]) => byName(a, b));

  // The header is assembled as text, not via an object, so that key order is exactly ours (JS
  // objects move integer-like keys first) and a tensor named "__proto__" stays a plain key.
  const parts: string[] = [];
  if (opts.metadata) parts.push(`${JSON.stringify(METADATA_KEY)}:${JSON.stringify(readMetadata(opts.metadata))}`);
  let offset = 0;
  for (const [name, t] of entries) {
    if (name === METADATA_KEY) throw new CheckpointError(`'${METADATA_KEY}' is reserved and cannot name a tensor`);
    const end = offset + t.size * codec.bytes;
    parts.push(`${JSON.stringify(name)}:${JSON.stringify({ dtype, shape: t.shape, data_offsets: [offset, end] })}`);
    offset = end;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const headerLength = Math.ceil(json.byteLength / 8) * 8;

  const out = new Uint8Array(8 + headerLength + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerLength, true); // the high 32 bits stay zero
  out.set(json, 8);
  out.fill(0x20, 8 + json.byteLength, 8 + headerLength);
  let at = 8 + headerLength;
  for (const [, t] of entries) {
    const n = t.size * codec.bytes;
    encode(t.data, out.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** Anything with named shapes: parsed Tensors, or header TensorInfos before decoding. */
export type NamedShapes = ReadonlyMap<string, { readonly shape: Shape }> | Readonly<Record<string, { readonly shape: Shape }>>;

function entriesOf<T>(m: ReadonlyMap<string, T> | Readonly<Record<string, T>>): [string, T][] {
  return m instanceof Map ? [...m] : Object.entries(m);
}

/**
 * Every disagreement between a checkpoint's tensors and the shapes a config implies, one line
 * each: wrong shape, missing tensor, and (unless allowExtra) tensors the config does not name.
 */
export function shapeMismatches(
  actual: NamedShapes,
  expected: ReadonlyMap<string, Shape> | Readonly<Record<string, Shape>>,
  opts: { allowExtra?: boolean } = {},
): string[] {
  const have = new Map(entriesOf(actual).map(([k, v]) => [k, v.shape] as const));
  const want = new Map(entriesOf(expected));
  const problems: string[] = [];
  for (const [name, shape] of want) {
    const got = have.get(name);
    if (!got) problems.push(`${name}: missing from the file, config expects ${shapeStr(shape)}`);
    else if (got.length !== shape.length || got.some((d, i) => d !== shape[i])) {
      problems.push(`${name}: file has ${shapeStr(got)}, config expects ${shapeStr(shape)}`);
    }
  }
  if (!opts.allowExtra) {
    for (const [name, got] of have) {
      if (!want.has(name)) problems.push(`${name}: file has ${shapeStr(got)}, config expects no such tensor`);
    }
  }
  return problems;
}

/** Throws one CheckpointError listing every shape disagreement; returns quietly when all fit. */
export function checkShapes(
  actual: NamedShapes,
  expected: ReadonlyMap<string, Shape> | Readonly<Record<string, Shape>>,
  opts: { allowExtra?: boolean } = {},
): void {
  const problems = shapeMismatches(actual, expected, opts);
  if (problems.length === 1) throw new CheckpointError(problems[0]);
  if (problems.length > 1) {
    throw new CheckpointError(`checkpoint does not match the config (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  }
}
