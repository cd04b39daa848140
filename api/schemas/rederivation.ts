import { z } from 'zod';

export const rederivation = z.object({
  kind: z.string(),
  kindName: z.string(),
  occurredAt: z.string(),
  subject: z.enum(['assessment', 'decision']),
  profileId: z.string().nullable(),
  profileVersion: z.number().nullable(),
  stored: z.record(z.string(), z.unknown()),
  derived: z.record(z.string(), z.unknown()).nullable(),
  agree: z.boolean().nullable().describe('null: the record cannot be re-run (stored before its inputs were kept, or its version is missing)'),
  differences: z.array(z.string()),
  message: z.string(),
});

export const rederivationList = z.object({ items: z.array(rederivation) });
