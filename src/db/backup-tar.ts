import { createReadStream, type ReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';

// A minimal POSIX ustar writer and reader for the backup archive (decision 042): regular files
// only, names up to 100 bytes, each file's size known before it is written (the backup writes
// its parts to temporary files first). Enough for `tar tf` / `tar xf` to read the archive, and
// small enough to need no dependency. The reader lists the entries with their offsets, so
// each part can be streamed (and streamed again) straight from the archive file.

const BLOCK = 512;
/** The largest entry an 11-digit octal size field holds (8 GiB - 1). */
export const TAR_MAX_ENTRY_BYTES = 8 ** 11 - 1;

export class TarFormatError extends Error {}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The 512-byte ustar header of a regular file. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new TarFormatError(`tar entry name too long: ${name}`);
  if (size > TAR_MAX_ENTRY_BYTES) throw new TarFormatError(`tar entry too large: ${name}`);
  const header = Buffer.alloc(BLOCK, 0);
  nameBytes.copy(header, 0);
  header.write(octal(0o600, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** Zero bytes that pad an entry of `size` bytes to a whole block. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK, 0);
}

/** The two zero blocks that end an archive. */
export const TAR_END = Buffer.alloc(2 * BLOCK, 0);

/** Writes `chunk` to `out`, waiting for the stream to drain when its buffer is full. */
export async function writeChunk(out: Writable, chunk: Buffer): Promise<void> {
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

export interface TarEntry {
  name: string;
  /** Offset of the entry's first content byte in the archive file. */
  offset: number;
  size: number;
}

/** The regular-file entries of a ustar archive, in order; throws TarFormatError on anything else. */
export async function listTar(path: string): Promise<TarEntry[]> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new TarFormatError(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const { size: fileSize } = await handle.stat();
    const entries: TarEntry[] = [];
    const header = Buffer.alloc(BLOCK);
    let position = 0;
    for (;;) {
      if (position + BLOCK > fileSize) throw new TarFormatError('the archive ends too early');
      await handle.read(header, 0, BLOCK, position);
      if (header.every((b) => b === 0)) return entries;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
      const stored = Number.parseInt(header.toString('ascii', 148, 156).replace(/\0.*$/s, ''), 8);
      if (stored !== sum)
        throw new TarFormatError('a tar header is damaged (its checksum differs)');
      if (header.toString('ascii', 257, 262) !== 'ustar')
        throw new TarFormatError('not a ustar archive');
      const type = header.toString('ascii', 156, 157);
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(header.toString('ascii', 124, 136).replace(/\0.*$/s, ''), 8);
      if (!Number.isSafeInteger(size) || size < 0)
        throw new TarFormatError(`the size of ${name} is unreadable`);
      if (type !== '0' && type !== '\0')
        throw new TarFormatError(`unexpected entry ${name} (type ${type})`);
      const offset = position + BLOCK;
      if (offset + size > fileSize) throw new TarFormatError(`${name} is cut off`);
      entries.push({ name, offset, size });
      position = offset + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    }
  } finally {
    await handle.close();
  }
}

/** The content of one entry as a stream read from the archive file. */
export function readTarEntry(path: string, entry: TarEntry): ReadStream | Readable {
  if (entry.size === 0) return Readable.from([]);
  return createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 });
}
