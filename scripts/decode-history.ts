/**
 * For an operator allowed to read personal data: prints one workflow's history with its payloads
 * decrypted (platform/payload-codec.ts), as JSON. Needs TEMPORAL_ADDRESS and the county's
 * SHOUDI_PAYLOAD_KEY. Usage: npm run decode-history -- household-<id>
 */
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { loadConfigOrExit } from '../platform/config.js';
import { EncryptionCodec, parsePayloadKey } from '../platform/payload-codec.js';

const config = loadConfigOrExit();
const workflowId = process.argv[2];
if (!workflowId || !config.TEMPORAL_ADDRESS || !config.SHOUDI_PAYLOAD_KEY) {
  process.stderr.write('usage: TEMPORAL_ADDRESS=… SHOUDI_PAYLOAD_KEY=… npm run decode-history -- <workflow id>\n');
  process.exit(2);
}
const codec = new EncryptionCodec(parsePayloadKey(config.SHOUDI_PAYLOAD_KEY));
const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
const history = await new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }).workflow.getHandle(workflowId).fetchHistory();

const isPayload = (v: unknown): v is Payload => typeof v === 'object' && v !== null && 'metadata' in v && 'data' in v;
async function decoded(value: unknown): Promise<unknown> {
  if (isPayload(value)) {
    const [plain] = await codec.decode([value]);
    return defaultPayloadConverter.fromPayload(plain!);
  }
  if (Array.isArray(value)) return Promise.all(value.map(decoded));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await decoded(v)] as const)));
  }
  return value;
}
process.stdout.write(`${JSON.stringify(await decoded(history), null, 2)}\n`);
await connection.close();
