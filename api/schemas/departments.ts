import { z } from 'zod';

export const departmentOption = z.object({ id: z.string(), code: z.string(), name: z.string() });
