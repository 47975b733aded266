/**
 * CRC-32 (IEEE 802.3, the one zip, PNG and gzip use: reflected polynomial 0xEDB88320), table
 * driven. It catches accidental damage to a results file or a pasted code; it is not a
 * signature and does not stop someone who edits a file on purpose.
 */

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of some bytes, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = (TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of some bytes as 8 lower-case hex digits, such as `cbf43926`. */
export function crc32Hex(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

/** The CRC-32 of a string's UTF-8 encoding, as 8 lower-case hex digits. */
export function crc32HexOfText(text: string): string {
  return crc32Hex(new TextEncoder().encode(text));
}
