/**
 * The tensors of a checkpoint, whether it is one model.safetensors or several shards listed by
 * model.safetensors.index.json (its weight_map: tensor name -> shard file). A TensorDirectory
 * knows where each tensor lives from the headers alone, so a config can be checked against it
 * before any weight is downloaded; a TensorSource adds the files' bytes and decodes one tensor
 * at a time, on request, so loading never holds a second full F32 copy of the model.
 */
import { Tensor, shapeStr } from '../runtime/index.ts';
import { DTYPES } from './dtypes.ts';
import { CheckpointError } from './errors.ts';
import { readSafetensorsHeader, type SafetensorsHeader, type TensorInfo } from './safetensors.ts';

export const SINGLE_FILE = 'model.safetensors';
export const INDEX_FILE = 'model.safetensors.index.json';

/** A parsed model.safetensors.index.json. */
export interface SafetensorsIndex {
  weightMap: Map<string, string>; // tensor name -> shard file
  shards: string[]; // each shard file once, in first-mention order
  totalSize?: number; // metadata.total_size, when given
}

/** Parses model.safetensors.index.json, refusing anything but a weight_map of strings. */
export function parseSafetensorsIndex(text: string): SafetensorsIndex {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CheckpointError(`${INDEX_FILE} is not valid JSON: ${(e as Error).message}`);
  }
  const map = (json as { weight_map?: unknown } | null)?.weight_map;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new CheckpointError(`${INDEX_FILE} has no "weight_map" object (tensor name -> shard file)`);
  }
  const weightMap = new Map<string, string>();
  for (const [name, file] of Object.entries(map)) {
    if (typeof file !== 'string' || !file.endsWith('.safetensors') || file.includes('/') || file.includes('\\')) {
      throw new CheckpointError(`${INDEX_FILE}: tensor "${name}" maps to ${JSON.stringify(file)}, not a .safetensors file beside it`);
    }
    weightMap.set(name, file);
  }
  const total = (json as { metadata?: { total_size?: unknown } }).metadata?.total_size;
  const index: SafetensorsIndex = { weightMap, shards: [...new Set(weightMap.values())] };
  if (typeof total === 'number') index.totalSize = total;
  return index;
}

/** Where one tensor lives. */
export interface TensorEntry {
  file: string;
  info: TensorInfo;
}

/** Every tensor of a checkpoint by name, from its headers: no weight bytes needed. */
export class TensorDirectory {
  /** The file a missing tensor is reported against: model.safetensors or the index. */
  readonly where: string;
  readonly entries: ReadonlyMap<string, TensorEntry>;
  readonly headers: ReadonlyMap<string, SafetensorsHeader>;

  private constructor(where: string, entries: Map<string, TensorEntry>, headers: ReadonlyMap<string, SafetensorsHeader>) {
    this.where = where;
    this.entries = entries;
    this.headers = headers;
  }

  /**
   * From the headers of model.safetensors (no index) or of every shard the index names. A shard
   * the index names but no header was given for, or a tensor the index puts in a shard that does
   * not hold it, is a CheckpointError naming both.
   */
  static fromHeaders(headers: ReadonlyMap<string, SafetensorsHeader>, index?: SafetensorsIndex): TensorDirectory {
    const entries = new Map<string, TensorEntry>();
    if (!index) {
      const header = headers.get(SINGLE_FILE);
      if (!header) throw new CheckpointError(`no ${SINGLE_FILE} (and no ${INDEX_FILE} naming shards)`);
      for (const [name, info] of header.tensors) entries.set(name, { file: SINGLE_FILE, info });
      return new TensorDirectory(SINGLE_FILE, entries, headers);
    }
    for (const shard of index.shards) {
      if (!headers.has(shard)) {
        const first = [...index.weightMap].find(([, f]) => f === shard)?.[0];
        throw new CheckpointError(`${INDEX_FILE} puts tensor "${first}" in shard "${shard}", but that file is missing`);
      }
    }
    for (const [name, file] of index.weightMap) {
      const info = headers.get(file)?.tensors.get(name);
      if (!info) throw new CheckpointError(`${file}: tensor "${name}" is listed in ${INDEX_FILE} but is not in this shard`);
      entries.set(name, { file, info });
    }
    // A shard may hold tensors the map forgot; they still belong to the checkpoint (and get checked).
    for (const shard of index.shards) {
      for (const [name, info] of (headers.get(shard) as SafetensorsHeader).tensors) {
        if (!entries.has(name)) entries.set(name, { file: shard, info });
      }
    }
    return new TensorDirectory(INDEX_FILE, entries, new Map(index.shards.map((s) => [s, headers.get(s) as SafetensorsHeader])));
  }

  /** Bytes of all the files together, as the headers declare them. */
  get fileBytes(): number {
    let n = 0;
    for (const h of this.headers.values()) n += h.byteLength;
    return n;
  }
}

/** Index of the first NaN or infinity in `data`, or -1. */
function firstNonFinite(data: Float32Array): number {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    // v - v is 0 for every finite v and NaN for NaN and the infinities: one test instead of two.
    if (v - v !== 0) return i;
  }
  return -1;
}

/** A directory plus the files' bytes: decodes a tensor when asked, refusing non-finite values. */
export class TensorSource {
  readonly directory: TensorDirectory;
  private readonly files: ReadonlyMap<string, Uint8Array>;

  constructor(directory: TensorDirectory, files: ReadonlyMap<string, Uint8Array>) {
    this.directory = directory;
    this.files = files;
  }

  /**
   * Opens model.safetensors, or (given the index text) the shards it names, validating every
   * header against its file's length; decodes nothing yet.
   */
  static open(files: ReadonlyMap<string, Uint8Array>, indexText?: string): TensorSource {
    const index = indexText === undefined ? undefined : parseSafetensorsIndex(indexText);
    const headers = new Map<string, SafetensorsHeader>();
    for (const name of index ? index.shards : [SINGLE_FILE]) {
      const bytes = files.get(name);
      if (!bytes) continue; // fromHeaders names what is missing
      try {
        headers.set(name, readSafetensorsHeader(bytes));
      } catch (e) {
        if (e instanceof CheckpointError) throw new CheckpointError(`${name}: ${e.message}`);
        throw e;
      }
    }
    return new TensorSource(TensorDirectory.fromHeaders(headers, index), files);
  }

  /** Decodes one tensor into a fresh Float32Array; a NaN or infinity is a CheckpointError. */
  read(name: string): Tensor {
    const entry = this.directory.entries.get(name);
    if (!entry) throw new CheckpointError(`${this.directory.where}: no tensor "${name}"`);
    const { file, info } = entry;
    const bytes = this.files.get(file) as Uint8Array;
    const start = (this.directory.headers.get(file) as SafetensorsHeader).dataStart;
    const [begin, end] = info.dataOffsets;
    const data = DTYPES[info.dtype].decode(bytes.subarray(start + begin, start + end), name);
    const bad = firstNonFinite(data);
    if (bad >= 0) {
      throw new CheckpointError(
        `${file}: tensor "${name}" ${shapeStr(info.shape)} holds ${data[bad]} at index ${bad}; weights must be finite numbers`,
      );
    }
    return new Tensor(data, info.shape);
  }
}
