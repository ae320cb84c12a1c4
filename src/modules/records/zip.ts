import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer (PKWARE APPNOTE 6.3: local headers, data, central directory), enough
 * for an E-ARK SIP: UTF-8 names, deflated or stored entries, no ZIP64 (the export refuses
 * packages over MAX_ZIP_BYTES, far below the 4 GiB limit). It yields the archive in pieces,
 * so the route streams it. No dependency: the packages installed hold ZIP code only as
 * other packages' dependencies (decision 040).
 */

export interface ZipEntry {
  /** The path inside the archive, with `/` (a folder ends with `/` and has no data). */
  name: string;
  data: Buffer;
  /** The entry's time (shown by unzip); the archive's creation by default. */
  modified?: Date;
}

export const MAX_ZIP_BYTES = 2 * 1024 ** 3;

/** DOS date and time (local wall time, two-second steps) as ZIP stores them. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function* zipArchive(entries: readonly ZipEntry[], now = new Date()): Generator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const folder = entry.name.endsWith('/');
    const deflated = folder ? entry.data : deflateRawSync(entry.data);
    // Keep it stored when deflating does not pay (already compressed PDFs, images).
    const method = !folder && deflated.length < entry.data.length ? 8 : 0;
    const body = method === 8 ? deflated : entry.data;
    const crc = folder ? 0 : crc32(entry.data);
    const { time, date } = dosTime(entry.modified ?? now);
    // The fields from "version needed" to "extra field length" stand in both headers.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0
    common.writeUInt16LE(0x0800, 2); // bit 11: names in UTF-8
    common.writeUInt16LE(method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc >>> 0, 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(entry.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // extra
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common.copy(local, 4);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    common.copy(header, 6);
    header.writeUInt16LE(0, 32); // comment
    header.writeUInt16LE(0, 34); // disk
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE(((folder ? 0o40755 : 0o100644) << 16) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    yield Buffer.concat([local, name]);
    yield body;
    offset += local.length + name.length + body.length;
    if (offset > MAX_ZIP_BYTES)
      throw new Error('The archive is larger than a ZIP without ZIP64 holds');
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}
