import { z } from 'zod';

const status = z.enum(['up', 'down']);
const parts = { api: status, database: status, temporal: status };

export const healthy = z.object({ status: z.literal('ok'), ...parts });
export const degraded = z.object({ status: z.literal('degraded'), ...parts });
