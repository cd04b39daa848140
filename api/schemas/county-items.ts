import { z } from 'zod';
import { countyItemMessages } from '../../domain/messages/catalogue.js';
import { validationMessages as v } from '../../domain/messages/fields.js';
import { text } from './common.js';

export { completedItem, toCompletedItem } from './towns.js';

export const countyItemParams = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/),
  periodKey: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, v.periodKeyFormat),
});

export const countyItemBody = z.object({ summary: text(5000, countyItemMessages.summaryRequired) });
