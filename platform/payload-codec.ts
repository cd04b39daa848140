/**
 * Encryption of Temporal payloads (issue 18): workflow inputs, update arguments, activity inputs and
 * results carry names, free text and sometimes ID numbers; without this codec anyone who can read the
 * Temporal server (its UI, its database) reads them in clear. With SHOUDI_PAYLOAD_KEY set, the API's
 * client and the worker encrypt every payload with AES-256-GCM before it leaves the process; the
 * server stores only `binary/encrypted` payloads. Payloads written before the key was set (and the
 * recorded test histories) are not encrypted and are read as they are.
 *
 * An operator allowed to read a history decodes it with the same key: `temporal workflow show
 * --codec-endpoint` pointed at a codec server running `decode` (not shipped here; see README), or in
 * code, `new Client({ dataConverter: payloadDataConverter(key) })`, whose results come decoded.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';

const ENCRYPTED = 'binary/encrypted';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Whether a configured key is 32 bytes written as base64 (`openssl rand -base64 32`). */
export const isPayloadKey = (base64: string): boolean => Buffer.from(base64, 'base64').length === 32;

/** The key from configuration: 32 bytes, written as base64 (`openssl rand -base64 32`). */
export function parsePayloadKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (!isPayloadKey(base64)) throw new Error('SHOUDI_PAYLOAD_KEY must be 32 bytes written as base64 (openssl rand -base64 32)');
  return key;
}

/** A short name of the key, stored beside each payload, so that a rotated key is told apart. */
const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 12);

/** A payload as bytes: its metadata (each value base64) and data, as JSON. */
function serialise(payload: Payload): Uint8Array {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]));
  return encoder.encode(JSON.stringify({ metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') }));
}

function deserialise(bytes: Uint8Array): Payload {
  const parsed = JSON.parse(decoder.decode(bytes)) as { metadata: Record<string, string>; data: string };
  return {
    metadata: Object.fromEntries(Object.entries(parsed.metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
    data: new Uint8Array(Buffer.from(parsed.data, 'base64')),
  };
}

export class EncryptionCodec implements PayloadCodec {
  private readonly keyId: string;
  constructor(private readonly key: Buffer) {
    this.keyId = keyIdOf(key);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', this.key, iv);
      const sealed = Buffer.concat([cipher.update(serialise(payload)), cipher.final()]);
      return {
        metadata: { encoding: encoder.encode(ENCRYPTED), 'encryption-key-id': encoder.encode(this.keyId) },
        data: new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), sealed])),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding ? decoder.decode(payload.metadata.encoding) : '';
      // Written before the key was set: read as it is.
      if (encoding !== ENCRYPTED) return payload;
      const keyId = payload.metadata?.['encryption-key-id'] ? decoder.decode(payload.metadata['encryption-key-id']) : '';
      if (keyId !== this.keyId) throw new Error(`payload encrypted with another key (${keyId}); SHOUDI_PAYLOAD_KEY does not match`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return deserialise(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]));
    });
  }
}

/** The data converter for a client or a worker: encrypting with the key, or the SDK's default without one. */
export function payloadDataConverter(base64Key: string | undefined): { payloadCodecs: PayloadCodec[] } | undefined {
  return base64Key ? { payloadCodecs: [new EncryptionCodec(parsePayloadKey(base64Key))] } : undefined;
}
